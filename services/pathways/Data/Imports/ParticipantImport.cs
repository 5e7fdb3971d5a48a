using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
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
/// Takes a PIRL file's participants into a partnership, whole file or nothing: every row must pass the
/// same rules as one participant enrolled by hand; a participant not yet enrolled is enrolled, and one
/// already enrolled takes the file's record when it differs. All is stored in one transaction with the
/// events, in batches, so memory holds one batch and not the file's hundreds of thousands of events.
/// The file is read and checked whole before the transaction opens.
/// </summary>
public sealed class ParticipantImport(PathwaysDbContext db, PersonalDataProtector personalData, TimeProvider clock)
{
    public const int BatchSize = 2_000;

    public async Task<ParticipantImportReport> ImportAsync(string tenant, string partnership, TextReader file, CancellationToken cancellationToken)
    {
        var content = await PirlFile.ReadAsync(file, cancellationToken);
        var now = clock.GetUtcNow();
        var rejected = content.Rejected.ToList();
        var rejectedCount = content.RejectedCount;
        var people = content.Rows.GroupBy(r => r.Id).Select(g => g.OrderBy(r => r.Entry).ToList()).ToList();
        foreach (var periods in people)
        {
            if (Refusal(tenant, partnership, periods, now) is { } refusal)
            {
                rejectedCount++;
                if (rejected.Count < PirlFile.MaxRejectionsKept)
                {
                    rejected.Add(refusal);
                }
            }
        }
        if (rejectedCount > 0)
        {
            // The first lines refused, each named; the error's own limit on violations keeps the answer small.
            throw new InvalidInput([
                new FieldViolation("file", $"{rejectedCount} of {content.Rows.Count + content.RejectedCount} rows were refused; nothing was stored."),
                .. rejected.OrderBy(r => r.Line).Select(r => new FieldViolation($"line {r.Line}", r.Reason)),
            ]);
        }
        var (enrolled, updated, unchanged) = (0, 0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in people.Chunk(BatchSize))
        {
            var batchIds = batch.Select(p => p[0].Id).ToList();
            var existing = await db.Participants.Where(p => p.TenantId == tenant && p.PartnershipId == partnership && batchIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var periods in batch)
            {
                var participant = Build(tenant, partnership, periods, now, _ => { });
                if (existing.TryGetValue(participant.Id, out var held))
                {
                    // A later extract of the state's system carries the same people with newer outcomes: the record is
                    // taken when it differs, and an extract that holds what is stored (an export imported back) changes nothing.
                    if (PirlFile.Write([held]).SequenceEqual(PirlFile.Write([participant])))
                    {
                        unchanged++;
                    }
                    else
                    {
                        held.TakeRecordFrom(participant, now);
                        updated++;
                    }
                    continue;
                }
                enrolled++;
                db.Participants.Add(participant);
                if (periods[0].BirthDate is { } birthDate)
                {
                    db.PersonalData.Add(new SealedPersonalData(tenant, partnership, participant.Id,
                        personalData.Protect(new PersonalData("", "", birthDate, "", ""), Names.Participant.Format(tenant, partnership, participant.Id))));
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return new ParticipantImportReport(enrolled, updated, unchanged, content.Rows.Count, content.IgnoredElements);
    }

    /// <summary>Why one person's rows cannot be taken, named by the first line that breaks a rule; null when they can.</summary>
    public static PirlRejection? Refusal(string tenant, string partnership, List<PirlRow> periods, DateTimeOffset now)
    {
        var first = periods[0];
        if (periods.FirstOrDefault(r => r.Identifier != first.Identifier) is { } otherCase)
        {
            return new PirlRejection(otherCase.Line, $"100 '{otherCase.Identifier}' is the identifier of line {first.Line}, '{first.Identifier}', in another case.");
        }
        if (periods.FirstOrDefault(r => r.BirthDate != first.BirthDate) is { } otherBirth)
        {
            return new PirlRejection(otherBirth.Line, $"200 differs from line {first.Line}, a period of the same participant.");
        }
        var line = first.Line;
        try
        {
            Build(tenant, partnership, periods, now, row => line = row.Line);
            return null;
        }
        catch (Exception e) when (e is InvalidInput or BusinessRuleBroken)
        {
            return new PirlRejection(line, Describe(e));
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
