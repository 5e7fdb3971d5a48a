using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using Date = Google.Type.Date;
using Money = Google.Type.Money;

namespace SectorMesh.SampleData;

/// <summary>
/// The Central Ohio healthcare partnership's nursing pathway (nursing assistant → practical nurse →
/// registered nurse, with a medical assistant branch joining at practical nurse), the college's
/// programs on it, 200 made-up participants along it, and 180 earlier ones (exits from 2023 to 2025, with their
/// quarters after exit, credentials, skill gains, programs and demographics; ten came back for a second period of
/// participation) loaded from a state's PIRL extract, as a board would load them.
/// </summary>
public sealed class HealthcarePathways(SampleClient client)
{
    private const int Participants = 200;

    private static readonly string[] GivenNames = ["Maria", "James", "Aisha", "Wei", "Carlos", "Emily", "Darnell", "Priya", "Tomás", "Hannah"];
    private static readonly string[] FamilyNames = ["Lopez", "Johnson", "Okafor", "Chen", "Ramirez", "Miller", "Washington", "Patel", "Nguyen", "Schmidt"];

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    /// <summary>Loads what is not there yet, so a load cut short finishes on the next start.</summary>
    public async Task LoadAsync(string tenant, string partnership)
    {
        var auth = client.Auth;
        var college = $"{tenant}/organizations/capital-state-cc";
        // The needs and gaps the Industry Engagement sample recorded: the programs answer all but the hospital's hard-to-fill
        // registered nurse openings at Riverside, which the coverage view then shows as uncovered.
        EmployerNeedReference Need(string employer, string soc) => new() { Employer = $"{partnership}/employers/{employer}", SocCode = soc };
        SkillsGapReference Gap(string element) => new() { SkillsGapAnalysis = $"{partnership}/skillsGapAnalyses/ma-and-rn-2026", ElementId = element };
        (string Id, string Name, int Weeks, long Cost, Credential Credential, string[] Skills, EmployerNeedReference[] Needs, SkillsGapReference[] Gaps)[] programs =
        [
            ("nurse-aide", "State Tested Nurse Aide", 4, 600, new Credential { Title = "STNA certification", Kind = CredentialKind.IndustryCertification, Issuer = "Ohio Department of Health", StacksInto = "LPN license" },
                ["2.B.1.a"], [], []),
            ("medical-assistant", "Medical Assistant Certificate", 36, 4_800, new Credential { Title = "Certified Medical Assistant", Kind = CredentialKind.IndustryCertification, Issuer = "AAMA" },
                ["2.A.1.e", "2.A.1.b"], [Need("scioto-health", "31-9092")], [Gap("2.A.1.b")]),
            ("practical-nursing", "Practical Nursing Diploma", 48, 9_000, new Credential { Title = "LPN license", Kind = CredentialKind.License, Issuer = "Ohio Board of Nursing", StacksInto = "RN license" },
                ["2.A.1.a", "2.A.2.a"], [], [Gap("2.A.1.a")]),
            ("lpn-to-rn", "LPN to RN Transition (ADN)", 52, 7_500, new Credential { Title = "RN license", Kind = CredentialKind.License, Issuer = "Ohio Board of Nursing" },
                ["2.A.2.a"], [Need("scioto-health", "29-1141")], []),
        ];
        foreach (var (id, name, weeks, cost, credential, skills, needs, gaps) in programs)
        {
            await Missing(client.Pathways.CreateTrainingProgramAsync(new CreateTrainingProgramRequest
            {
                Parent = tenant, ProgramId = id,
                Program = new TrainingProgram
                {
                    DisplayName = name, Provider = college, DurationWeeks = weeks, Cost = Usd(cost), Modality = Modality.Hybrid, Credential = credential,
                    Skills = { skills }, EmployerNeeds = { needs }, SkillsGaps = { gaps },
                },
            }, auth).ResponseAsync);
        }

        string Program(string id) => $"{tenant}/programs/{id}";
        var pathway = $"{partnership}/careerPathways/nursing";
        await Missing(client.Pathways.CreateCareerPathwayAsync(new CreateCareerPathwayRequest
        {
            Parent = partnership, CareerPathwayId = "nursing",
            CareerPathway = new CareerPathway
            {
                DisplayName = "Nursing and allied health",
                Steps =
                {
                    new PathwayStep { StepId = "nursing-assistant", Occupation = "31-1131", Title = "Nursing Assistant", EntryRequirements = "STNA certification", TypicalHourlyWage = 18.40, Entry = true },
                    new PathwayStep { StepId = "medical-assistant", Occupation = "31-9092", Title = "Medical Assistant", EntryRequirements = "Medical assistant certificate", TypicalHourlyWage = 19.90, Entry = true },
                    new PathwayStep { StepId = "practical-nurse", Occupation = "29-2061", Title = "Licensed Practical Nurse", EntryRequirements = "LPN license", TypicalHourlyWage = 28.10 },
                    new PathwayStep { StepId = "registered-nurse", Occupation = "29-1141", Title = "Registered Nurse", EntryRequirements = "ADN and NCLEX-RN", TypicalHourlyWage = 41.20 },
                },
                Bridges =
                {
                    new Bridge { FromStep = "nursing-assistant", ToStep = "practical-nurse", Kind = BridgeKind.Program, Program = Program("practical-nursing"), Description = "Practical Nursing Diploma", Months = 12, Cost = Usd(9_000) },
                    new Bridge { FromStep = "medical-assistant", ToStep = "practical-nurse", Kind = BridgeKind.Program, Program = Program("practical-nursing"), Description = "Practical Nursing Diploma", Months = 12, Cost = Usd(9_000) },
                    new Bridge { FromStep = "practical-nurse", ToStep = "registered-nurse", Kind = BridgeKind.Program, Program = Program("lpn-to-rn"), Description = "LPN to RN Transition", Months = 12, Cost = Usd(7_500) },
                },
            },
        }, auth).ResponseAsync);

        string[] steps = ["nursing-assistant", "nursing-assistant", "medical-assistant", "practical-nurse"];
        EmploymentStatus[] statuses = [EmploymentStatus.Unemployed, EmploymentStatus.Employed, EmploymentStatus.NotInLaborForce, EmploymentStatus.Employed];
        for (var i = 1; i <= Participants; i++)
        {
            var entry = new DateOnly(2025, 7, 1).AddDays(i * 2);
            var participant = await Missing(client.Pathways.CreateParticipantAsync(new CreateParticipantRequest
            {
                Parent = partnership, ParticipantId = $"p-{i:D4}",
                Participant = new Participant
                {
                    EntryDate = new Date { Year = entry.Year, Month = entry.Month, Day = entry.Day },
                    EmploymentStatusAtEntry = statuses[i % statuses.Length],
                    CareerPathway = pathway, CurrentStep = steps[i % steps.Length],
                    PersonalData = new ParticipantPersonalData
                    {
                        GivenName = GivenNames[i % GivenNames.Length], FamilyName = FamilyNames[i * 7 % FamilyNames.Length],
                        BirthDate = new Date { Year = 1970 + i % 35, Month = 1 + i % 12, Day = 1 + i % 28 },
                        Email = $"participant{i:D4}@example.org",
                    },
                },
            }, auth).ResponseAsync);
            var exit = entry.AddDays(180);
            if (participant is not null && i % 5 == 0 && exit < DateOnly.FromDateTime(DateTime.UtcNow))
            {
                await RecordCompletedTrainingAsync(participant.Name, tenant, entry, exit, i);
            }
        }
        await ImportEarlierCohortsAsync(partnership);
    }

    /// <summary>The PIRL extract of the partnership's earlier participants, imported once: a file is refused whole when any of it is there.</summary>
    private async Task ImportEarlierCohortsAsync(string partnership)
    {
        try
        {
            await client.Pathways.GetParticipantAsync(new GetParticipantRequest { Name = $"{partnership}/participants/c-0001" }, client.Auth);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            await client.ImportAsync($"/v1/{partnership}/participants:import",
                Path.Combine(AppContext.BaseDirectory, "Pirl", "pirl-central-ohio-healthcare-2023-2025.csv"));
        }
    }

    /// <summary>A participant who trained, exited and, where the quarter after exit has passed, found work.</summary>
    private async Task RecordCompletedTrainingAsync(string participant, string tenant, DateOnly entry, DateOnly exit, int i)
    {
        var auth = client.Auth;
        static Date On(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
        await client.Pathways.RecordTrainingAsync(new RecordTrainingRequest
        {
            Name = participant,
            Training = new TrainingEnrolment { EnteredDate = On(entry.AddDays(7)), Type = TrainingType.OccupationalSkills, Program = $"{tenant}/programs/practical-nursing", EndedDate = On(exit) },
        }, auth);
        if (i % 10 == 0)
        {
            await client.Pathways.RecordCredentialAsync(new RecordCredentialRequest
            {
                Name = participant, Credential = new AttainedCredential { Type = CredentialType.OccupationalLicensure, AttainedDate = On(exit), Title = "LPN license" },
            }, auth);
        }
        await client.Pathways.ExitParticipantAsync(new ExitParticipantRequest { Name = participant, ExitDate = On(exit) }, auth);
        if (exit.AddMonths(6) < DateOnly.FromDateTime(DateTime.UtcNow))
        {
            await client.Pathways.RecordEmploymentOutcomeAsync(new RecordEmploymentOutcomeRequest
            {
                Name = participant,
                Outcome = new EmploymentOutcome { Quarter = 1, Status = QuarterEmployment.Unsubsidized, Wages = Usd(11_000 + i * 20), EmployerId = "31-4455667" },
            }, auth);
        }
    }

    /// <summary>What the call created, or null when it was there already.</summary>
    private static async Task<T?> Missing<T>(Task<T> create) where T : class
    {
        try
        {
            return await create;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return null;
        }
    }
}
