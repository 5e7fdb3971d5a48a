using MassTransit;
using SectorMesh.Contracts.Events;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

/// <summary>Binds a consumer's queries to the tenant its message is about, as a request's are bound to the caller's.</summary>
public sealed class TenantScopeFilter<T>(TenantScope tenants) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is IIntegrationEvent message)
        {
            tenants.Enter(message.TenantId);
        }
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-scope");
}
