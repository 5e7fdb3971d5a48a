using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Api;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Pathways.Data.Imports;

/// <summary>What an import did: participants enrolled, and the PIRL elements of the file that are not read.</summary>
public sealed record ParticipantImportReport(int Enrolled, IReadOnlyList<string> IgnoredElements);

/// <summary>
/// Enrols a PIRL file's participants in a partnership, whole file or nothing: every row must pass the
/// same rules as one participant enrolled by hand, and none may already be enrolled; then all are stored
/// in one transaction with their events, in batches, so memory holds one batch and not the file's
/// hundreds of thousands of events. The file is read and checked whole before the transaction opens.
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
        var ids = content.Rows.Select(r => r.Id).ToList();
        var existing = (await db.Participants.AsNoTracking().Where(p => p.TenantId == tenant && p.PartnershipId == partnership && ids.Contains(p.Id))
            .Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var row in content.Rows)
        {
            try
            {
                if (existing.Contains(row.Id))
                {
                    throw new InvalidInput("100", $"participant {row.Id} is already enrolled.");
                }
                Build(tenant, partnership, row, now);
            }
            catch (Exception e) when (e is InvalidInput or BusinessRuleBroken)
            {
                rejectedCount++;
                if (rejected.Count < PirlFile.MaxRejectionsKept)
                {
                    rejected.Add(new PirlRejection(row.Line, Describe(e)));
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in content.Rows.Chunk(BatchSize))
        {
            foreach (var row in batch)
            {
                db.Participants.Add(Build(tenant, partnership, row, now));
                if (row.BirthDate is not null)
                {
                    db.PersonalData.Add(new SealedPersonalData(tenant, partnership, row.Id,
                        personalData.Protect(new PersonalData("", "", row.BirthDate, "", ""), Names.Participant.Format(tenant, partnership, row.Id))));
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return new ParticipantImportReport(content.Rows.Count, content.IgnoredElements);
    }

    private static Participant Build(string tenant, string partnership, PirlRow row, DateTimeOffset now)
    {
        var participant = Participant.Enrol(tenant, partnership, row.Id, row.Entry, row.Status, null, null, now, row.Identifier);
        if (row.Barriers.Count > 0)
        {
            participant.RecordBarriers(row.Barriers, now);
        }
        if (row.Training is { } training)
        {
            participant.RecordTraining(training, now);
        }
        if (row.Credential is { } credential)
        {
            participant.RecordCredential(credential, now);
        }
        if (row.Exit is { } exit)
        {
            participant.Exit(exit, now, row.ExitReason);
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
        return participant;
    }

    private static string Describe(Exception e) => e switch
    {
        InvalidInput invalid => string.Join("; ", invalid.Violations.Select(v => $"{v.Field} {v.Description}")),
        BusinessRuleBroken broken => string.Join("; ", broken.Rules.Select(r => r.Message)),
        _ => e.Message,
    };
}
