using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

public sealed partial class PathwaysApi
{
    public override Task<V1.Participant> ExitParticipant(V1.ExitParticipantRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var input = new InputCollector();
            var exit = input.Take(() => request.ExitDate.ToDate("exit_date") ?? throw new InvalidInput("exit_date", "is required (PIRL 901)."));
            var reason = input.Take(() => request.OtherExitReason.ToDomain<V1.OtherExitReason, OtherExitReason>() ?? OtherExitReason.None);
            input.Finish(() => participant.Exit(exit, now, reason));
            return Task.CompletedTask;
        });

    public override Task<V1.Participant> ReenterParticipant(V1.ReenterParticipantRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var input = new InputCollector();
            var entry = input.Take(() => request.EntryDate.ToDate("entry_date") ?? throw new InvalidInput("entry_date", "is required (PIRL 900)."));
            var status = input.Take(() => request.EmploymentStatusAtEntry.ToDomain<V1.EmploymentStatus, EmploymentStatus>());
            input.Finish(() => participant.Reenter(entry, status, now));
            return Task.CompletedTask;
        });

    public override Task<V1.Participant> RecordTraining(V1.RecordTrainingRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, async (participant, now) =>
        {
            var given = request.Training ?? new V1.TrainingEnrolment();
            var input = new InputCollector();
            var entered = input.Take(() => given.EnteredDate.ToDate("training.entered_date") ?? throw new InvalidInput("training.entered_date", "is required (PIRL 1302)."));
            var type = input.Take(() => given.Type.ToDomain<V1.TrainingType, TrainingType>() ?? throw new InvalidInput("training.type", "is required (PIRL 1303)."));
            var ended = input.Take(() => given.EndedDate.ToDate("training.ended_date"));
            var program = given.Program.Length == 0 ? null : await input.TakeAsync(() => ProgramIdAsync(participant.TenantId, given.Program, "training.program", context));
            input.Finish(() => participant.RecordTraining(new TrainingEnrolment(entered, type, program, ended), now));
        });

    public override Task<V1.Participant> RecordCredential(V1.RecordCredentialRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var given = request.Credential ?? new V1.AttainedCredential();
            var input = new InputCollector();
            var type = input.Take(() => given.Type.ToDomain<V1.CredentialType, CredentialType>() ?? throw new InvalidInput("credential.type", "is required (PIRL 1800)."));
            var attained = input.Take(() => given.AttainedDate.ToDate("credential.attained_date") ?? throw new InvalidInput("credential.attained_date", "is required (PIRL 1801)."));
            input.Finish(() => participant.RecordCredential(new AttainedCredential(type, attained, given.Title.Trim()), now));
            return Task.CompletedTask;
        });

    public override Task<V1.Participant> RecordSkillGain(V1.RecordSkillGainRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var given = request.SkillGain ?? new V1.SkillGain();
            var input = new InputCollector();
            var kind = input.Take(() => given.Kind.ToDomain<V1.SkillGainKind, SkillGainKind>() ?? throw new InvalidInput("skill_gain.kind", "is required."));
            var date = input.Take(() => given.Date.ToDate("skill_gain.date") ?? throw new InvalidInput("skill_gain.date", "is required."));
            input.Finish(() => participant.RecordSkillGain(new SkillGain(kind, date), now));
            return Task.CompletedTask;
        });

    public override Task<V1.Participant> RecordEmploymentOutcome(V1.RecordEmploymentOutcomeRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var given = request.Outcome ?? new V1.EmploymentOutcome();
            var input = new InputCollector();
            var status = input.Take(() => given.Status.ToDomain<V1.QuarterEmployment, QuarterEmployment>() ?? throw new InvalidInput("outcome.status", "is required."));
            var wages = given.Wages is null ? (decimal?)null : input.Take(() => given.Wages.Dollars("outcome.wages"));
            input.Finish(() => participant.RecordEmploymentOutcome(
                new EmploymentOutcome(given.Quarter, status, wages, given.EmployerId.Length == 0 ? null : given.EmployerId.Trim()), now));
            return Task.CompletedTask;
        });

    /// <summary>Loads the participant, applies the change and stores it with its events.</summary>
    private async Task<V1.Participant> ChangeParticipant(string? name, ServerCallContext context, Func<Participant, DateTimeOffset, Task> change)
    {
        var participant = await ParticipantAsync(name, "name", context, tracked: true);
        await change(participant, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return participant.ToProto();
    }

    /// <summary>The id of one of the tenant's programs, named in <paramref name="field"/>.</summary>
    private async Task<string> ProgramIdAsync(string tenant, string name, string field, ServerCallContext context)
    {
        var ids = Names.Program.Parse(name, field);
        var exists = ids[0] == tenant && await db.Programs.AnyAsync(p => p.TenantId == tenant && p.Id == ids[1], context.CancellationToken);
        return exists ? ids[1] : throw new InvalidInput(field, "must be a program of the participant's tenant.");
    }
}
