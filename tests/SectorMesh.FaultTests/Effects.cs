using Npgsql;

namespace SectorMesh.FaultTests;

/// <summary>
/// What the load's writes did, read from the services' own databases: which partnerships and employers
/// Engagement's copy holds, and which effects were applied more than once.
/// </summary>
public sealed class Effects(string partnershipsDatabase, string engagementDatabase, string tenant, string prefix)
{
    private string Like => prefix + "-%";

    /// <summary>The writes (partnership, or partnership with its employer) whose effect Engagement's copy holds.</summary>
    public async Task<HashSet<(WriteKind Kind, string Partnership)>> CopiedAsync()
    {
        var copied = new HashSet<(WriteKind, string)>();
        await using var connection = await FaultServers.OpenAsync(engagementDatabase);
        await using var command = new NpgsqlCommand("""
            SELECT 'p', partnership_id FROM partnerships WHERE tenant_id = @t AND partnership_id LIKE @like
            UNION ALL
            SELECT 'e', partnership_id FROM employers WHERE tenant_id = @t AND organization_id = 'hospital' AND partnership_id LIKE @like
            """, connection);
        command.Parameters.AddWithValue("t", tenant);
        command.Parameters.AddWithValue("like", Like);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            copied.Add((reader.GetString(0) == "p" ? WriteKind.CreatePartnership : WriteKind.AddEmployer, reader.GetString(1)));
        }
        return copied;
    }

    /// <summary>Events Partnerships and Engagement have written to their outboxes and not yet had confirmed by the broker, of any tenant.</summary>
    public async Task<(long Partnerships, long Engagement)> UnsentAsync()
    {
        const string Unsent = "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL";
        await using var partnerships = await FaultServers.OpenAsync(partnershipsDatabase);
        await using var fromPartnerships = new NpgsqlCommand(Unsent, partnerships);
        await using var engagement = await FaultServers.OpenAsync(engagementDatabase);
        await using var fromEngagement = new NpgsqlCommand(Unsent, engagement);
        return ((long)(await fromPartnerships.ExecuteScalarAsync())!, (long)(await fromEngagement.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// Effects applied more than once, summed over three places: a change published by Partnerships
    /// under more than one event (the same partnership created, or the same employer joining, twice);
    /// a change Engagement's consumer applied under more than one message id; a meeting Engagement
    /// recorded more than once. Each extra application counts one.
    /// </summary>
    public async Task<AppliedTwice> AppliedTwiceAsync()
    {
        var events = new Dictionary<Guid, string>();
        await using (var partnerships = await FaultServers.OpenAsync(partnershipsDatabase))
        {
            await using var command = new NpgsqlCommand("""
                SELECT id, type || ' ' || (payload->>'partnershipId') || ' ' || coalesce(payload->>'organizationId', '')
                FROM outbox_messages WHERE tenant_id = @t AND payload->>'partnershipId' LIKE @like
                """, partnerships);
            command.Parameters.AddWithValue("t", tenant);
            command.Parameters.AddWithValue("like", Like);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events[reader.GetGuid(0)] = reader.GetString(1);
            }
        }
        var published = events.Values.GroupBy(change => change).Sum(g => g.Count() - 1);

        await using var engagement = await FaultServers.OpenAsync(engagementDatabase);
        int consumed;
        var applications = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT message_id, consumer FROM processed_messages WHERE message_id = ANY(@ids)", engagement))
        {
            command.Parameters.AddWithValue("ids", events.Keys.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applications.Add(reader.GetString(1) + " " + events[reader.GetGuid(0)]);
            }
            consumed = applications.GroupBy(a => a).Sum(g => g.Count() - 1);
        }

        await using (var command = new NpgsqlCommand("""
            SELECT coalesce(sum(n - 1), 0) FROM (
                SELECT count(*) AS n FROM outbox_messages
                WHERE tenant_id = @t AND type LIKE '%.MeetingHeld' AND payload->>'meetingId' LIKE @like
                GROUP BY payload->>'meetingId') AS meetings
            """, engagement))
        {
            command.Parameters.AddWithValue("t", tenant);
            command.Parameters.AddWithValue("like", Like);
            var meetings = Convert.ToInt32(await command.ExecuteScalarAsync());
            return new AppliedTwice(published, consumed, meetings, events.Count, applications.Count);
        }
    }
}

/// <summary>Extra applications found, where they were found, and how many published events and consumptions were looked at.</summary>
public sealed record AppliedTwice(int Published, int Consumed, int Meetings, int EventsLookedAt, int ConsumptionsLookedAt)
{
    public int Total => Published + Consumed + Meetings;
}
