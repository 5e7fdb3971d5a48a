using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Messaging;
using SectorMesh.Pathways.Api;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Pathways.Data.Imports;

/// <summary>
/// What an import did: participants enrolled, participants already enrolled whose record the file changed and those it left
/// as they were, their periods of participation (rows), and the PIRL elements of the file that are not read.
/// </summary>
public sealed record ParticipantImportReport(int Enrolled, int Updated, int Unchanged, int Periods, IReadOnlyList<string> IgnoredElements);

/// <summary>
/// Takes a PIRL file's participants into a partnership, whole file or nothing: every row must pass the same rules as one
/// participant enrolled by hand; a participant not yet enrolled is enrolled, and one already enrolled takes the file's record
/// when it differs. Memory holds one batch of people, never the file: the upload streams into a table of the connection's own
/// with each line checked as it arrives, then the lines are read back person by person (PostgreSQL sorts them, wherever in
/// the file a person's periods are) and stored in one transaction, new participants by COPY. A newly enrolled participant is
/// announced by one ParticipationPeriodChanged per period, the snapshot that carries everything the import recorded, rather
/// than an event per training, credential and quarter.
/// </summary>
public sealed class ParticipantImport(PathwaysDbContext db, PersonalDataProtector personalData, OutboxSignal outbox, TimeProvider clock,
    ILogger<ParticipantImport> logger)
{
    public const int BatchSize = 2_000;

    private const string Staged = "pirl_import_lines";
    private const int FetchSize = 10_000;

    public async Task<ParticipantImportReport> ImportAsync(string tenant, string partnership, string actor, TextReader file, CancellationToken cancellationToken)
    {
        var lines = new LineReader(file);
        var header = await PirlFile.ReadHeaderAsync(lines, cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var refusals = new PirlRejections();
            var started = clock.GetTimestamp();
            var rows = await StageAsync(connection, header, lines, refusals, cancellationToken);
            ThrowIfAny(refusals, rows);
            var staged = clock.GetElapsedTime(started);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var report = await TakeAsync(connection, tenant, partnership, actor, header, refusals, cancellationToken);
            ThrowIfAny(refusals, rows);
            await transaction.CommitAsync(cancellationToken);
            outbox.Notify();
            logger.LogInformation("PIRL import of {Rows} rows into {Tenant}/{Partnership}: read and staged in {Staged:F1} s, stored in {Stored:F1} s",
                rows, tenant, partnership, staged.TotalSeconds, (clock.GetElapsedTime(started) - staged).TotalSeconds);
            return report with { IgnoredElements = header.IgnoredElements };
        }
        finally
        {
            // A connection that broke has ended its session, and with it the staged lines.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await Execute(connection, $"DROP TABLE IF EXISTS {Staged}", CancellationToken.None);
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Copies every line that is a well-formed period into the staging table, outside any transaction; returns how many lines the file has.</summary>
    private static async Task<long> StageAsync(NpgsqlConnection connection, PirlHeader header, LineReader lines, PirlRejections refusals, CancellationToken cancellationToken)
    {
        await Execute(connection, $"DROP TABLE IF EXISTS {Staged}; CREATE TEMP TABLE {Staged} (id text NOT NULL, line bigint NOT NULL, text text NOT NULL)", cancellationToken);
        long rows = 0;
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Staged} (id, line, text) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await foreach (var (line, row) in PirlFile.RowsAsync(lines, header, refusals, cancellationToken))
        {
            rows++;
            if (refusals.Count == 0)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.Id, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Line, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(line, NpgsqlDbType.Text, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
        return rows + refusals.Count;
    }

    /// <summary>Reads the staged lines back a person at a time, in batches of people, and stores each batch.</summary>
    private async Task<ParticipantImportReport> TakeAsync(NpgsqlConnection connection, string tenant, string partnership, string actor,
        PirlHeader header, PirlRejections refusals, CancellationToken cancellationToken)
    {
        var report = new ParticipantImportReport(0, 0, 0, 0, []);
        // Sorting a million lines in PostgreSQL's default 4 MB merged runs from disk over and over; the setting ends with
        // the import's transaction.
        await Execute(connection, "SET LOCAL work_mem = '256MB'", cancellationToken);
        // Whether each person is enrolled already comes with their lines, so a batch of only new people asks nothing more.
        await using (var declare = new NpgsqlCommand($"""
            DECLARE staged NO SCROLL CURSOR FOR
            SELECT s.id, s.line, s.text, EXISTS (SELECT FROM participants p WHERE p.tenant_id = $1 AND p.partnership_id = $2 AND p.id = s.id)
            FROM {Staged} s ORDER BY s.id COLLATE "C", s.line
            """, connection) { Parameters = { new() { Value = tenant }, new() { Value = partnership } } })
        {
            await declare.ExecuteNonQueryAsync(cancellationToken);
        }
        var people = new List<List<PirlRow>>();
        var enrolledBefore = new HashSet<string>();
        var person = new List<PirlRow>();
        while (true)
        {
            var fetched = 0;
            await using (var fetch = new NpgsqlCommand($"FETCH {FetchSize} FROM staged", connection))
            await using (var reader = await fetch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    fetched++;
                    if (person.Count > 0 && person[0].Id != reader.GetString(0))
                    {
                        people.Add(person);
                        person = [];
                    }
                    person.Add(header.Row(reader.GetInt64(1), reader.GetString(2)));
                    if (reader.GetBoolean(3))
                    {
                        enrolledBefore.Add(person[0].Id);
                    }
                }
            }
            if (fetched < FetchSize && person.Count > 0)
            {
                people.Add(person);
            }
            if (people.Count >= BatchSize || fetched < FetchSize)
            {
                report = Add(report, await StoreAsync(connection, tenant, partnership, actor, people, enrolledBefore, refusals, cancellationToken));
                people = [];
                enrolledBefore.Clear();
            }
            if (fetched < FetchSize)
            {
                return report;
            }
        }
    }

    /// <summary>
    /// Enrols the people not yet enrolled and updates the others, each built once by the rules; once any person is refused,
    /// the rest are only checked, since the transaction will not be kept.
    /// </summary>
    private async Task<ParticipantImportReport> StoreAsync(NpgsqlConnection connection, string tenant, string partnership, string actor,
        List<List<PirlRow>> people, IReadOnlySet<string> enrolledBefore, PirlRejections refusals, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var built = new List<(Participant Participant, DateOnly? BirthDate)>(people.Count);
        foreach (var rows in people)
        {
            rows.Sort((a, b) => a.Entry.CompareTo(b.Entry) is var byEntry and not 0 ? byEntry : a.Line.CompareTo(b.Line));
            var (participant, refusal) = Take(tenant, partnership, rows, now);
            if (refusal is not null)
            {
                refusals.Add(refusal);
            }
            else
            {
                built.Add((participant!, rows[0].BirthDate));
            }
        }
        if (refusals.Count > 0)
        {
            return new ParticipantImportReport(0, 0, 0, 0, []);
        }
        var existing = enrolledBefore.Count == 0 ? [] : await db.Participants
            .Where(p => p.TenantId == tenant && p.PartnershipId == partnership && enrolledBefore.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var (updated, unchanged) = (0, 0);
        var enrolled = new List<(Participant Participant, DateOnly? BirthDate)>(built.Count);
        foreach (var (participant, birthDate) in built)
        {
            if (!existing.TryGetValue(participant.Id, out var held))
            {
                enrolled.Add((participant, birthDate));
            }
            // A later extract of the state's system carries the same people with newer outcomes: the record is taken when
            // it differs, and an extract that holds what is stored (an export imported back) changes nothing.
            else if (PirlFile.Write([held]).SequenceEqual(PirlFile.Write([participant])))
            {
                unchanged++;
            }
            else
            {
                held.TakeRecordFrom(participant, now);
                updated++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await EnrolAsync(connection, enrolled, actor, now, cancellationToken);
        return new ParticipantImportReport(enrolled.Count, updated, unchanged, people.Sum(p => p.Count), []);
    }

    /// <summary>The new participants, their sealed birth dates and their period snapshots, each table by one COPY.</summary>
    private async Task EnrolAsync(NpgsqlConnection connection, List<(Participant Participant, DateOnly? BirthDate)> enrolled, string actor,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (enrolled.Count == 0)
        {
            return;
        }
        await CopyAsync(connection, enrolled.Select(e => e.Participant), cancellationToken);
        await CopyAsync(connection, enrolled.Where(e => e.BirthDate is not null).Select(e =>
            new SealedPersonalData(e.Participant.TenantId, e.Participant.PartnershipId, e.Participant.Id, personalData.Protect(
                new PersonalData("", "", e.BirthDate, "", ""), Names.Participant.Format(e.Participant.TenantId, e.Participant.PartnershipId, e.Participant.Id)))),
            cancellationToken);
        await CopyAsync(connection, enrolled.SelectMany(e => PathwayIntegrationEvents.PeriodsOf(e.Participant, now)
            .Select(period => OutboxMessage.For(period with { AggregateVersion = e.Participant.Revision, Actor = actor }, joinTrace: false))), cancellationToken);
    }

    private async Task CopyAsync<T>(NpgsqlConnection connection, IEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var writer = CopyWriter<T>.For(db.Model);
        await using var importer = await connection.BeginBinaryImportAsync(writer.CopyCommand(writer.Table), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteAsync(importer, row, "", cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static ParticipantImportReport Add(ParticipantImportReport a, ParticipantImportReport b) =>
        new(a.Enrolled + b.Enrolled, a.Updated + b.Updated, a.Unchanged + b.Unchanged, a.Periods + b.Periods, []);

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The rows refused, the first of them named by line; the answer stores nothing.</summary>
    private static void ThrowIfAny(PirlRejections refusals, long rows)
    {
        if (refusals.Count > 0)
        {
            // The error's own limit on violations keeps the answer small.
            throw new InvalidInput([
                new FieldViolation("file", $"{refusals.Count} of {rows} rows were refused; nothing was stored."),
                .. refusals.Kept.OrderBy(r => r.Line).Select(r => new FieldViolation($"line {r.Line}", r.Reason)),
            ]);
        }
    }

    /// <summary>Why one person's rows cannot be taken, named by the first line that breaks a rule; null when they can.</summary>
    public static PirlRejection? Refusal(string tenant, string partnership, List<PirlRow> periods, DateTimeOffset now) =>
        Take(tenant, partnership, periods, now).Refusal;

    /// <summary>The participant one person's rows make, or why they cannot, named by the first line that breaks a rule.</summary>
    private static (Participant? Participant, PirlRejection? Refusal) Take(string tenant, string partnership, List<PirlRow> periods, DateTimeOffset now)
    {
        var first = periods[0];
        if (periods.FirstOrDefault(r => r.Identifier != first.Identifier) is { } otherCase)
        {
            return (null, new PirlRejection(otherCase.Line, $"100 '{otherCase.Identifier}' is the identifier of line {first.Line}, '{first.Identifier}', in another case."));
        }
        if (periods.FirstOrDefault(r => r.BirthDate != first.BirthDate) is { } otherBirth)
        {
            return (null, new PirlRejection(otherBirth.Line, $"200 differs from line {first.Line}, a period of the same participant."));
        }
        var line = first.Line;
        try
        {
            return (Build(tenant, partnership, periods, now, row => line = row.Line), null);
        }
        catch (Exception e) when (e is InvalidInput or BusinessRuleBroken)
        {
            return (null, new PirlRejection(line, Describe(e)));
        }
    }

    /// <summary>One participant from their rows, oldest period first: each row after the first is a new entry after the previous exit.</summary>
    public static Participant Build(string tenant, string partnership, List<PirlRow> periods, DateTimeOffset now, Action<PirlRow> reading)
    {
        var first = periods[0];
        reading(first);
        var participant = Participant.Enrol(tenant, partnership, first.Id, first.Entry, first.Status, null, null, now, first.Identifier);
        var barriers = periods.SelectMany(r => r.Barriers).Distinct().ToList();
        if (barriers.Count > 0)
        {
            participant.RecordBarriers(barriers, now);
        }
        if (periods[^1].Demographics is { Sex: not null } or { EthnicityAndRace.Count: > 0 })
        {
            participant.RecordDemographics(periods[^1].Demographics, now);
        }
        foreach (var row in periods)
        {
            reading(row);
            if (!ReferenceEquals(row, first))
            {
                participant.Reenter(row.Entry, row.Status, now);
            }
            Record(participant, row, now);
        }
        return participant;
    }

    private static void Record(Participant participant, PirlRow row, DateTimeOffset now)
    {
        foreach (var training in row.Training)
        {
            participant.RecordTraining(training, now);
        }
        foreach (var credential in row.Credentials)
        {
            participant.RecordCredential(credential, now);
        }
        if (row.Exit is { } exit)
        {
            participant.Exit(exit, now, row.ExitReason);
        }
        var age = row.BirthDate is { } birth ? AgeBands.At(birth, row.Entry) : (AgeBand?)null;
        if (row.Programs.Count > 0 || age is not null || row.Education != Education.NotRecorded)
        {
            participant.RecordReportingDetails(new ReportingDetails(row.Programs, age, row.Education), now);
        }
        foreach (var outcome in row.Outcomes)
        {
            participant.RecordEmploymentOutcome(outcome, now);
        }
        foreach (var gain in row.SkillGains)
        {
            participant.RecordSkillGain(gain, now);
        }
        if (row.RetainedWithSameEmployer is { } retained)
        {
            participant.RecordRetention(retained, now);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        InvalidInput invalid => string.Join("; ", invalid.Violations.Select(v => $"{v.Field} {v.Description}")),
        BusinessRuleBroken broken => string.Join("; ", broken.Rules.Select(r => r.Message)),
        _ => e.Message,
    };
}
