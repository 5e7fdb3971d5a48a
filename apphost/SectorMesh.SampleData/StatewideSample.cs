using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using Date = Google.Type.Date;

namespace SectorMesh.SampleData;

/// <summary>
/// One statewide board with three regional partnerships in different stages, each with its
/// partners, intermediary, committees and agreement. The organizations are invented; the
/// counties, NAICS codes and the shape of the figures are real.
/// </summary>
public sealed class StatewideSample(SampleClient client)
{
    public const string TenantId = "ohio";
    private const string Tenant = "tenants/" + TenantId;

    private sealed record Org(string Id, string Name, PartnerType Type, Representation Represents);

    private sealed record Sample(
        string Id, string Name, string RegionId, string RegionName, string[] Counties, string Naics, string SectorTitle,
        RegionalSignificance Significance, string Vision, string Mission, Goal[] Goals, Org[] Partners,
        string[] IntermediaryIds, PartnershipStage Stage);

    private static readonly Sample[] Samples =
    [
        new("central-ohio-healthcare", "Central Ohio Healthcare Workforce Partnership", "central-ohio", "Central Ohio",
            ["39049", "39041", "39045", "39089", "39097", "39129", "39159"], "62", "Health Care and Social Assistance",
            new RegionalSignificance { Employment = 156900, LocationQuotient = 1.03, EmploymentGrowthPercent = 2.3, Source = "BLS QCEW, annual averages", Period = "2024" },
            "Every Central Ohio resident can reach a family-sustaining career in health care.",
            "Employers, educators and the workforce system build nursing and allied health pipelines together.",
            [new Goal { Statement = "Fill 300 registered nurse openings from local programs", Metric = "RN hires from partner programs", Target = 300, DueDate = new Date { Year = 2027, Month = 12, Day = 31 } },
             new Goal { Statement = "Enroll 120 apprentices in medical assistant training", Metric = "Apprentices enrolled", Target = 120, DueDate = new Date { Year = 2027, Month = 6, Day = 30 } }],
            [new("riverside-medical", "Riverside Regional Medical Center", PartnerType.Employer, Representation.RepresentsEmployer),
             new("scioto-health", "Scioto Valley Health System", PartnerType.Employer, Representation.RepresentsEmployer),
             new("olentangy-care", "Olentangy Senior Care", PartnerType.Employer, Representation.RepresentsEmployer),
             new("central-ohio-wdb", "Central Ohio Workforce Development Board", PartnerType.WorkforceBoard, Representation.RepresentsWorkforceSystem),
             new("capital-state-cc", "Capital State Community College", PartnerType.PostsecondaryEducation, Representation.RepresentsEducation),
             new("healthcare-workers-local", "Healthcare Workers Union Local 1199-C", PartnerType.OrganizedLabor, Representation.RepresentsWorkerOrLabor)],
            ["central-ohio-wdb"], PartnershipStage.Active),
        new("northeast-ohio-manufacturing", "Northeast Ohio Advanced Manufacturing Partnership", "northeast-ohio", "Northeast Ohio",
            ["39035", "39085", "39093", "39153", "39055", "39103"], "332", "Fabricated Metal Product Manufacturing",
            new RegionalSignificance { Employment = 41800, LocationQuotient = 2.31, EmploymentGrowthPercent = 0.9, Source = "BLS QCEW, annual averages", Period = "2024" },
            "Northeast Ohio leads the nation in precision metalworking with a skilled, well-paid workforce.",
            "Manufacturers share training, hire from pre-apprenticeships and grow registered apprenticeships.",
            [new Goal { Statement = "Place 150 pre-apprenticeship graduates in CNC and welding jobs", Metric = "Placements", Target = 150, DueDate = new Date { Year = 2027, Month = 9, Day = 30 } }],
            [new("cuyahoga-precision", "Cuyahoga Precision Machining", PartnerType.Employer, Representation.RepresentsEmployer),
             new("lake-erie-fabrication", "Lake Erie Fabrication", PartnerType.Employer, Representation.RepresentsEmployer),
             new("summit-tool-die", "Summit Tool & Die", PartnerType.Employer, Representation.RepresentsEmployer),
             new("neo-manufacturers", "Northeast Ohio Manufacturers Association", PartnerType.IndustryAssociation, Representation.RepresentsEmployer),
             new("neo-workforce-board", "Northeast Ohio Workforce Board", PartnerType.WorkforceBoard, Representation.RepresentsWorkforceSystem),
             new("lorain-tech", "Lorain Technical Institute", PartnerType.PostsecondaryEducation, Representation.RepresentsEducation),
             new("machinists-lodge", "Machinists District Lodge 54", PartnerType.OrganizedLabor, Representation.RepresentsWorkerOrLabor)],
            ["neo-manufacturers", "neo-workforce-board"], PartnershipStage.Active),
        new("southwest-ohio-it", "Southwest Ohio Tech Talent Partnership", "southwest-ohio", "Southwest Ohio",
            ["39061", "39017", "39165", "39025"], "5415", "Computer Systems Design and Related Services",
            new RegionalSignificance { Employment = 23400, LocationQuotient = 0.94, EmploymentGrowthPercent = 5.7, Source = "BLS QCEW, annual averages", Period = "2024" },
            "Southwest Ohio employers find the software and cybersecurity talent they need here.",
            "",
            [],
            [new("queen-city-software", "Queen City Software", PartnerType.Employer, Representation.RepresentsEmployer),
             new("miami-valley-data", "Miami Valley Data Systems", PartnerType.Employer, Representation.RepresentsEmployer),
             new("swo-workforce-board", "Southwest Ohio Workforce Investment Board", PartnerType.WorkforceBoard, Representation.RepresentsWorkforceSystem),
             new("cincinnati-career-academy", "Cincinnati Career Academy", PartnerType.K12Education, Representation.RepresentsEducation)],
            ["swo-workforce-board"], PartnershipStage.Launching),
    ];

    public async Task LoadAsync()
    {
        await client.SignInAsync("", "platform-admin");
        try
        {
            await Retry(() => client.Tenants.CreateTenantAsync(new CreateTenantRequest
            {
                TenantId = TenantId,
                Tenant = new Tenant { DisplayName = "Ohio State Workforce Board", MinEmployerPartners = 2 },
            }, client.Auth).ResponseAsync);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // A sample loaded before the Career Pathways service existed gets its pathway now.
            await client.SignInAsync(TenantId, "board-admin");
            await LoadPathwaysAsync();
            Console.WriteLine("The sample is already loaded.");
            return;
        }

        await client.SignInAsync(TenantId, "board-admin");
        foreach (var sample in Samples)
        {
            await LoadAsync(sample);
            Console.WriteLine($"Loaded {sample.Name} ({sample.Stage}).");
        }
        await new HealthcareResources(client).LoadAsync($"{Tenant}/partnerships/central-ohio-healthcare", Tenant);
        Console.WriteLine("Loaded the healthcare partnership's funding, commitments and needs.");
        await new HealthcareEngagement(client).LoadAsync(TenantId, "central-ohio", $"{Tenant}/partnerships/central-ohio-healthcare");
        Console.WriteLine("Loaded labor market data and the healthcare partnership's employer engagement, meetings and skills gap.");
        await LoadPathwaysAsync();
    }

    private async Task LoadPathwaysAsync()
    {
        await new HealthcarePathways(client).LoadAsync(Tenant, $"{Tenant}/partnerships/central-ohio-healthcare");
        await new HealthcareServiceDelivery(client).LoadAsync(Tenant, $"{Tenant}/partnerships/central-ohio-healthcare");
        Console.WriteLine("Loaded the healthcare partnership's nursing pathway, its programs and 200 participants.");
        await new HealthcareJobQuality(client).LoadAsync(Tenant, $"{Tenant}/partnerships/central-ohio-healthcare");
        await new HealthcareSupports(client).LoadAsync(Tenant, $"{Tenant}/partnerships/central-ohio-healthcare");
        Console.WriteLine("Loaded the healthcare participants' barriers, supportive services and referrals to community partners.");
        await new HealthcareContinuousImprovement(client).LoadAsync($"{Tenant}/partnerships/central-ohio-healthcare");
        Console.WriteLine("Loaded the healthcare partnership's goal measures, its 2026-Q3 progress review and two surveys.");
    }

    private async Task LoadAsync(Sample s)
    {
        var auth = client.Auth;
        var region = await client.Tenants.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Tenant, RegionId = s.RegionId, Region = new Region { DisplayName = s.RegionName, CountyFips = { s.Counties } },
        }, auth);
        var partnership = await client.Partnerships.CreatePartnershipAsync(new CreatePartnershipRequest
        {
            Parent = Tenant,
            PartnershipId = s.Id,
            Partnership = new Partnership
            {
                DisplayName = s.Name, Region = region.Name, TargetSector = new TargetSector { NaicsCode = s.Naics, Title = s.SectorTitle },
                RegionalSignificance = s.Significance, Vision = s.Vision, Mission = s.Mission, Goals = { s.Goals },
            },
        }, auth);

        foreach (var org in s.Partners)
        {
            var organization = await client.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                Parent = Tenant, OrganizationId = org.Id, Organization = new Organization { DisplayName = org.Name, Type = org.Type },
            }, auth);
            await client.Partnerships.AddPartnerAsync(new AddPartnerRequest
            {
                Parent = partnership.Name,
                Partner = new Partner { Organization = organization.Name, Roles = { RoleOf(org) }, JoinDate = new Date { Year = 2025, Month = 9, Day = 1 } },
            }, auth);
        }

        partnership = await client.Partnerships.CreateCommitteeAsync(new CreateCommitteeRequest
        {
            Parent = partnership.Name, CommitteeId = "steering",
            Committee = new Committee { DisplayName = "Steering Committee", Kind = CommitteeKind.Committee, Purpose = "Sets priorities and approves strategies." },
        }, auth);
        partnership = await client.Partnerships.CreateCommitteeAsync(new CreateCommitteeRequest
        {
            Parent = partnership.Name, CommitteeId = "talent-pipeline",
            Committee = new Committee { DisplayName = "Talent Pipeline Work Group", Kind = CommitteeKind.WorkGroup, Purpose = "Designs training and hiring pathways." },
        }, auth);
        foreach (var org in s.Partners)
        {
            await client.Partnerships.AddCommitteeMemberAsync(new AddCommitteeMemberRequest
            {
                Name = $"{partnership.Name}/committees/steering",
                Member = new CommitteeMember { PersonName = $"Representative of {org.Name}", Organization = $"{Tenant}/organizations/{org.Id}", Represents = org.Represents },
            }, auth);
        }

        partnership = await client.Partnerships.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Partnership
            {
                Name = partnership.Name,
                Strategies =
                {
                    new SectorStrategy { Title = "Shared recruitment and screening for entry-level roles", Status = StrategyStatus.InProgress, OwnerCommittee = $"{partnership.Name}/committees/talent-pipeline" },
                    new SectorStrategy { Title = "Registered apprenticeship expansion", Status = StrategyStatus.Planned, OwnerCommittee = $"{partnership.Name}/committees/steering" },
                },
            },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "strategies" } },
        }, auth);

        await client.Partnerships.DesignateIntermediaryAsync(new DesignateIntermediaryRequest
        {
            Name = partnership.Name,
            Assignments =
            {
                Enum.GetValues<IntermediaryRole>().Where(r => r != IntermediaryRole.Unspecified).Select(role => new IntermediaryAssignment
                {
                    Role = role,
                    // Where two organizations share the role of intermediary, the second is fiscal agent and champion.
                    Organization = $"{Tenant}/organizations/{(s.IntermediaryIds.Length > 1 && role is IntermediaryRole.FiscalAgent or IntermediaryRole.Championship ? s.IntermediaryIds[1] : s.IntermediaryIds[0])}",
                }),
            },
        }, auth);

        partnership = await client.Partnerships.CreateAgreementAsync(new CreateAgreementRequest
        {
            Parent = partnership.Name,
            Agreement = new Agreement
            {
                EffectiveDate = new Date { Year = 2026, Month = 1, Day = 1 },
                Terms =
                {
                    s.Partners.Select(org => new AgreementTerm
                    {
                        Organization = $"{Tenant}/organizations/{org.Id}",
                        Expectations = "A shared, data-informed plan and qualified candidates.",
                        Commitments = CommitmentOf(org),
                    }),
                },
            },
        }, auth);
        var agreement = partnership.Agreements[^1].Name;
        await client.Partnerships.CirculateAgreementAsync(new CirculateAgreementRequest { Name = agreement }, auth);

        // The launching partnership is still collecting signatures.
        var signers = s.Stage == PartnershipStage.Active ? s.Partners : s.Partners[..1];
        foreach (var org in signers)
        {
            await client.Partnerships.SignAgreementAsync(new SignAgreementRequest
            {
                Name = agreement, Organization = $"{Tenant}/organizations/{org.Id}", SignatoryName = $"Director, {org.Name}", SignatoryTitle = "Authorized signatory",
            }, auth);
        }
        await client.Partnerships.ChangePartnershipStageAsync(new ChangePartnershipStageRequest { Name = partnership.Name, Stage = s.Stage }, auth);
    }

    private static string RoleOf(Org org) => org.Type switch
    {
        PartnerType.Employer => "employer champion",
        PartnerType.WorkforceBoard => "convener",
        PartnerType.OrganizedLabor => "worker voice",
        _ => "training partner",
    };

    private static string CommitmentOf(Org org) => org.Type switch
    {
        PartnerType.Employer => "Host quarterly site visits, offer paid work-based learning places and interview program graduates.",
        PartnerType.WorkforceBoard => "Staff the partnership, manage WIOA training funds and report outcomes.",
        PartnerType.OrganizedLabor => "Represent workers on the steering committee and co-design job quality standards.",
        _ => "Align curricula with employer needs and share enrollment and completion data.",
    };

    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
