using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Turns domain errors into gRPC status with google.rpc details (AIP-193): invalid fields as
/// BadRequest field violations, broken rules as PreconditionFailure, and stale etags as ABORTED.
/// A database, broker or service that is down is UNAVAILABLE with a retry delay, and two creates of
/// one name racing is ALREADY_EXISTS: neither is INTERNAL. JSON transcoding maps these to 400, 404,
/// 409, 403 and 503 for HTTP callers.
/// </summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    public const string Domain = "sectormesh.gov";

    /// <summary>How long a caller should wait before retrying an UNAVAILABLE answer (HTTP Retry-After).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary><see cref="RetryDelay"/> as an HTTP Retry-After value.</summary>
    public static readonly string RetryAfterSeconds = ((int)RetryDelay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string UploadTooLargeReason = "UPLOAD_TOO_LARGE";

    /// <summary>
    /// An answer names at most this many invalid fields, and says each thing in at most <see cref="MaxText"/> characters.
    /// A status travels in HTTP/2 headers, which a proxy caps (the gateway's at 64 KiB): an answer listing each of
    /// hundreds of invalid list elements, or repeating a huge input back, would not arrive at all, and the caller
    /// would get the gateway's 503 and retry in vain. The first fields are enough to start fixing the request.
    /// </summary>
    private const int MaxViolations = 10;

    private const int MaxText = 500;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (ToStatus(e) is { } status)
        {
            throw Answer(status, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (ToStatus(e) is { } status)
        {
            throw Answer(status, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (ToStatus(e) is { } status)
        {
            throw Answer(status, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (ToStatus(e) is { } status)
        {
            throw Answer(status, context);
        }
    }

    private static RpcException Answer(Google.Rpc.Status status, ServerCallContext context)
    {
        if (status.Code == (int)Code.Unavailable && context.GetHttpContext().Response is { HasStarted: false } response)
        {
            response.Headers.RetryAfter = RetryAfterSeconds;
        }
        return status.ToRpcException();
    }

    public static Google.Rpc.Status? ToStatus(Exception exception) => exception switch
    {
        InvalidInput e => Status(Code.InvalidArgument, e.Message, new BadRequest
        {
            FieldViolations =
            {
                e.Violations.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation { Field = Bounded(v.Field), Description = Bounded(v.Description) }),
            },
        }),
        BusinessRuleBroken e => Status(Code.FailedPrecondition, e.Message, new PreconditionFailure
        {
            Violations =
            {
                e.Rules.Select(r => new PreconditionFailure.Types.Violation { Type = "RULE", Subject = r.GetType().Name, Description = r.Message }),
            },
        }),
        ResourceNotFound e => Status(Code.NotFound, e.Message, new ResourceInfo { ResourceName = e.ResourceName, Description = Bounded(e.Message) }),
        ResourceAlreadyExists e => Status(Code.AlreadyExists, e.Message, new ResourceInfo { ResourceName = e.ResourceName, Description = Bounded(e.Message) }),
        StaleEtag e => Status(Code.Aborted, e.Message, new ErrorInfo { Reason = "STALE_ETAG", Domain = Domain, Metadata = { ["resource"] = e.ResourceName } }),
        DbUpdateConcurrencyException => Status(Code.Aborted, "The resource changed while this request was applied; read it again and retry.",
            new ErrorInfo { Reason = "CONCURRENT_UPDATE", Domain = Domain }),
        AccessDenied e => Status(Code.PermissionDenied, e.Message, new ErrorInfo { Reason = "ROLE_NOT_ALLOWED", Domain = Domain }),
        DependencyUnavailable e => Status(Code.Unavailable, e.Message, new ErrorInfo { Reason = "DEPENDENCY_UNAVAILABLE", Domain = Domain }),
        UploadTooLarge e => Status(Code.ResourceExhausted, e.Message, new ErrorInfo { Reason = UploadTooLargeReason, Domain = Domain }),
        TooManyImports e => Status(Code.ResourceExhausted, e.Message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) }),
        _ when Faults.IsUniqueViolation(exception) => Status(Code.AlreadyExists,
            "A resource of that name was created at the same moment by another request; read it instead of creating it.",
            new ErrorInfo { Reason = "CREATED_CONCURRENTLY", Domain = Domain }),
        _ when Faults.IsTransient(exception) => Status(Code.Unavailable,
            "The service cannot reach its database or another server just now; nothing was changed. Retry shortly.",
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) }),
        _ => null,
    };

    private static Google.Rpc.Status Status(Code code, string message, Google.Protobuf.IMessage detail) =>
        new() { Code = (int)code, Message = Bounded(message), Details = { Any.Pack(detail) } };

    private static string Bounded(string text) => text.Length <= MaxText ? text : $"{text[..MaxText]}… ({text.Length} characters)";
}
