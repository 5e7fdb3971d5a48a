using System.Collections;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Refuses a request with U+0000 in any of its text, naming the field, before access is decided or a handler runs.
/// PostgreSQL cannot hold that character in text, not even as a query parameter, so a handler (or the audit trail)
/// that looks something up by the caller's text before the domain has judged it would fail as INTERNAL; and no text
/// of the platform may contain it.
/// </summary>
public sealed class NulCharacterInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message && FieldWithNul(message) is { } field)
        {
            throw new InvalidInput(field, "must not contain the character U+0000.");
        }
        return continuation(request, context);
    }

    /// <summary>The path of the first text field holding U+0000 (need.skills[2]), or null.</summary>
    public static string? FieldWithNul(IMessage message) => FieldWithNul(message, "");

    private static string? FieldWithNul(IMessage message, string prefix) =>
        message.Descriptor.Fields.InDeclarationOrder()
            .Select(field => Find(field.Accessor.GetValue(message), prefix + field.Name))
            .FirstOrDefault(path => path is not null);

    private static string? Find(object? value, string path) => value switch
    {
        string text => text.Contains('\0') ? path : null,
        IMessage message => FieldWithNul(message, path + "."),
        IList list => list.Cast<object>().Select((item, i) => Find(item, $"{path}[{i}]")).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
