using System.Diagnostics;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SectorMesh.ServiceDefaults;

public static class Extensions
{
    public const string LivenessTag = "live";

    /// <summary>Telemetry, health, service discovery and resilient outgoing calls, the same in every process.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LivenessTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Telemetry.MeterNames))
            .WithTracing(tracing => tracing
                .SetSampler(new RequestTraces())
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Telemetry.ActivitySourceNames)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    o.EnrichWithHttpResponse = NameAfterGrpcMethod;
                })
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddRedisInstrumentation());

        // The exporter is on wherever a collector is named (the Aspire dashboard locally, the collector in Kubernetes).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// A call to a gRPC method, over gRPC or as JSON, is named after the method
    /// (sectormesh.partnerships.v1.Partnerships/GetPartnership) rather than a route template that
    /// JSON transcoding fills with its own placeholders.
    /// </summary>
    private static void NameAfterGrpcMethod(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
        {
            activity.DisplayName = $"{grpc.Method.ServiceName}/{grpc.Method.Name}";
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", grpc.Method.ServiceName);
            activity.SetTag("rpc.method", grpc.Method.Name);
        }
    }

    /// <summary>Each check's status, description and figures (the outbox backlog, the error queues), for an operator or a probe to read.</summary>
    private static Task WriteReadinessDetail(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
    }

    /// <summary>
    /// Liveness (/health/live: the process answers) and readiness (/health/ready: its dependencies
    /// answer), mapped in every environment because Kubernetes probes need them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LivenessTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteReadinessDetail });
        return app;
    }
}
