using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.SampleClient;

// An internal state service (here, the state's workforce system) keeping a partnership in step
// through the gateway's gRPC port: a bearer token on every call, a deadline on every call,
// retries on UNAVAILABLE (GatewayChannel), a List method paged to the end, and an update guarded
// by the etag, recovering from a stale one.
//   SECTORMESH_GRPC    the gateway's gRPC address      (http://127.0.0.1:8081)
//   SECTORMESH_TENANT  the tenant                      (ohio, the sample statewide board)
//   SECTORMESH_REGION  a region of the tenant          (tenants/ohio/regions/central-ohio)
//   SECTORMESH_TOKEN   a bearer token; in Development it is asked of /dev/token on SECTORMESH_JSON
//                      (http://127.0.0.1:8080) when unset
string Setting(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
var tenant = $"tenants/{Setting("SECTORMESH_TENANT", "ohio")}";
var region = Setting("SECTORMESH_REGION", $"{tenant}/regions/central-ohio");
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
var token = Environment.GetEnvironmentVariable("SECTORMESH_TOKEN") is { Length: > 0 } given ? given
    : await DevToken.RequestAsync(new Uri(Setting("SECTORMESH_JSON", "http://127.0.0.1:8080")), tenant.Split('/')[1], stop.Token);

var (channel, invoker) = GatewayChannel.Open(new Uri(Setting("SECTORMESH_GRPC", "http://127.0.0.1:8081")), token);
using (channel)
{
    var partnerships = new Partnerships.PartnershipsClient(invoker);
    // Every call gets its own deadline: a slow gateway fails the call instead of hanging the service, and the
    // retries on UNAVAILABLE happen inside it.
    CallOptions Within(int seconds) => new(deadline: DateTime.UtcNow.AddSeconds(seconds), cancellationToken: stop.Token);

    var id = $"state-sync-{DateTime.UtcNow:yyyyMMddHHmmss}";
    var created = await partnerships.CreatePartnershipAsync(new CreatePartnershipRequest
    {
        Parent = tenant,
        PartnershipId = id,
        Partnership = new Partnership
        {
            DisplayName = "State workforce system sample",
            Region = region,
            TargetSector = new TargetSector { NaicsCode = "62", Title = "Health Care and Social Assistance" },
        },
    }, Within(10));
    Console.WriteLine($"created {created.Name}, stage {created.Stage}, etag {created.Etag}");

    // Paging: ask for small pages and follow next_page_token until it comes back empty.
    var request = new ListPartnershipsRequest { Parent = tenant, PageSize = 2 };
    var (pages, seen) = (0, 0);
    do
    {
        var page = await partnerships.ListPartnershipsAsync(request, Within(10));
        pages++;
        seen += page.Partnerships.Count;
        foreach (var partnership in page.Partnerships)
        {
            Console.WriteLine($"  {partnership.Name} ({partnership.Stage})");
        }
        request.PageToken = page.NextPageToken;
    }
    while (request.PageToken.Length > 0);
    Console.WriteLine($"listed {seen} partnerships in {pages} pages");

    // Etags: an update names the version it changes. The first one succeeds and moves the etag on, so the
    // second, sent with the etag read before, is stale: ABORTED. The service then reads again and re-applies.
    var vision = await Update(created, "vision", p => p.Vision = "Good health care jobs for Central Ohio");
    Console.WriteLine($"updated the vision, etag now {vision.Etag}");
    var mission = await UpdateReadingAgainWhenStale(created, "mission", p => p.Mission = "Train and place 200 medical assistants a year");
    Console.WriteLine($"updated the mission, etag now {mission.Etag}");

    // Delete with the current etag too, so a change made meanwhile by someone else is not thrown away unseen.
    await partnerships.DeletePartnershipAsync(new DeletePartnershipRequest { Name = mission.Name, Etag = mission.Etag }, Within(10));
    Console.WriteLine($"deleted {mission.Name}");

    Task<Partnership> Update(Partnership read, string field, Action<Partnership> change)
    {
        var changed = read.Clone();
        change(changed);
        var mask = new FieldMask { Paths = { field } };
        return partnerships.UpdatePartnershipAsync(new UpdatePartnershipRequest { Partnership = changed, UpdateMask = mask }, Within(10)).ResponseAsync;
    }

    async Task<Partnership> UpdateReadingAgainWhenStale(Partnership read, string field, Action<Partnership> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Update(read, field, change);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && attempt < 3)
            {
                // The services answer a stale etag with ABORTED (reason STALE_ETAG). FAILED_PRECONDITION is a
                // broken rule of the Framework instead: reading again would not help, so it is not caught here.
                Console.WriteLine($"stale etag {read.Etag}, reading again: {e.Status.Detail}");
                read = await partnerships.GetPartnershipAsync(new GetPartnershipRequest { Name = read.Name }, Within(10));
            }
        }
    }
}
