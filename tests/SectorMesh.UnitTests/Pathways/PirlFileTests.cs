using SectorMesh.Pathways.Data.Imports;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Pathways;

public class PirlFileTests
{
    private const string Header = "100,200,400,900,901,1302,1303,1308,1600,1703,1800,1801,1332";

    private static Task<PirlContent> Read(params string[] lines) =>
        PirlFile.ReadAsync(new StringReader(string.Join("\n", lines)), CancellationToken.None);

    [Fact]
    public async Task A_row_becomes_a_participant_with_training_credential_and_first_quarter_wages()
    {
        var content = await Read(Header, "p-0001,19910417,0,20250303,20251219,20250310,06,20251212,1,11250.50,4,20251215,1");

        var row = Assert.Single(content.Rows);
        Assert.Equal(("p-0001", new DateOnly(2025, 3, 3), new DateOnly(2025, 12, 19), EmploymentStatus.Unemployed), (row.Id, row.Entry, row.Exit, row.Status));
        Assert.Equal(new TrainingEnrolment(new DateOnly(2025, 3, 10), TrainingType.OccupationalSkills, null, new DateOnly(2025, 12, 12)), row.Training);
        Assert.Equal(CredentialType.OccupationalLicensure, row.Credential!.Type);
        Assert.Equal([new EmploymentOutcome(1, QuarterEmployment.Unsubsidized, 11250.50m, null)], row.Outcomes);
    }

    [Fact]
    public async Task Elements_the_service_does_not_keep_are_named_not_refused()
    {
        var content = await Read(Header, "p-0001,,,20250303,,,,,,,,,1");

        Assert.Equal(["1332"], content.IgnoredElements);
    }

    [Fact]
    public async Task Wages_of_999999_99_are_not_yet_available_and_not_employed_is_a_status()
    {
        var content = await Read("100,900,1602,1704", "p-0001,20250303,0,999999.99");

        Assert.Equal([new EmploymentOutcome(2, QuarterEmployment.NotEmployed, null, null)], content.Rows[0].Outcomes);
    }

    [Fact]
    public async Task A_bad_date_is_refused_naming_its_line_and_element()
    {
        var content = await Read(Header, "p-0001,,,20250303,,,,,,,,,", "p-0002,,,2025-03-03,,,,,,,,,");

        Assert.Equal([new PirlRejection(3, "element 900 '2025-03-03' is not a date as YYYYMMDD.")], content.Rejected);
    }

    [Fact]
    public async Task An_identifier_that_looks_like_a_social_security_number_is_refused()
    {
        var content = await Read("100,900", "123456789,20250303");

        Assert.Contains("social security number", content.Rejected[0].Reason);
    }

    [Fact]
    public async Task A_participant_twice_in_one_file_is_refused_on_the_second_line()
    {
        var content = await Read("100,900", "p-0001,20250303", "p-0001,20250404");

        Assert.Equal(3, content.Rejected.Single().Line);
    }

    [Fact]
    public async Task A_header_without_the_identifier_and_entry_date_refuses_the_file()
    {
        await Assert.ThrowsAsync<ImportRefused>(() => Read("200,400", "19910417,0"));
    }

    [Fact]
    public async Task Barrier_elements_of_1_are_barriers_and_0_or_a_disability_not_disclosed_are_none()
    {
        var content = await Read("100,900,202,800,801,802,803,804,805,806,807",
            "p-0001,20250303,1,1,0,1,0,0,0,1,0",
            "p-0002,20250303,9,0,0,0,0,0,0,0,0",
            "p-0003,20250303,0,,,,1,1,1,,1");

        Assert.Equal([BarrierKind.Disability, BarrierKind.Homeless, BarrierKind.LowIncome, BarrierKind.SingleParent], content.Rows[0].Barriers);
        Assert.Empty(content.Rows[1].Barriers);
        Assert.Equal([BarrierKind.EnglishLanguageLearner, BarrierKind.BasicSkillsDeficient, BarrierKind.Cultural, BarrierKind.DisplacedHomemaker], content.Rows[2].Barriers);
        Assert.Empty(content.IgnoredElements);
    }

    [Fact]
    public async Task A_barrier_code_other_than_0_or_1_is_a_bad_row_named_by_line_and_element()
    {
        var content = await Read("100,900,202,801", "p-0001,20250303,0,0", "p-0002,20250303,0,2", "p-0003,20250303,Y,0");

        Assert.Equal([new PirlRejection(3, "element 801 '2' is not one of 0, 1."), new PirlRejection(4, "element 202 'Y' is not one of 0, 1, 9.")], content.Rejected);
    }

    [Fact]
    public async Task What_the_export_writes_the_import_reads_back_the_same()
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var participant = Participant.Enrol("ohio", "healthcare", "p-0001", new DateOnly(2025, 3, 3), EmploymentStatus.Unemployed, null, null, now);
        participant.RecordTraining(new TrainingEnrolment(new DateOnly(2025, 3, 10), TrainingType.OccupationalSkills, null, new DateOnly(2025, 12, 12)), now);
        participant.RecordCredential(new AttainedCredential(CredentialType.OccupationalLicensure, new DateOnly(2025, 12, 15), ""), now);
        participant.Exit(new DateOnly(2025, 12, 19), now, OtherExitReason.HealthOrMedical);
        participant.RecordEmploymentOutcome(new EmploymentOutcome(1, QuarterEmployment.Unsubsidized, 11250.50m, null), now);
        participant.RecordEmploymentOutcome(new EmploymentOutcome(2, QuarterEmployment.NotYetKnown, null, null), now);
        participant.RecordBarriers([BarrierKind.Disability, BarrierKind.ExOffender, BarrierKind.DisplacedHomemaker], now);
        participant.RecordSkillGain(new SkillGain(SkillGainKind.TrainingMilestone, new DateOnly(2025, 6, 2)), now);
        participant.RecordRetention(true, now);

        var row = (await Read([.. PirlFile.Write([participant])])).Rows.Single();

        Assert.Equal((participant.Id, participant.EntryDate, participant.ExitDate, participant.EmploymentStatusAtEntry, participant.Training[0], participant.Credentials[0]),
            (row.Id, row.Entry, row.Exit, row.Status, row.Training, row.Credential));
        Assert.Equal(participant.EmploymentOutcomes, row.Outcomes);
        Assert.Equal(participant.Barriers, row.Barriers);
        Assert.Equal(participant.SkillGains, row.SkillGains);
        Assert.Equal(participant.RetainedWithSameEmployer, row.RetainedWithSameEmployer);
        Assert.Equal(participant.ExitReason, row.ExitReason);
    }

    [Fact]
    public async Task The_dates_of_measurable_skill_gains_are_read_by_their_kind()
    {
        var content = await Read("100,900,1806,1809", "p-0001,20250303,20250601,20250715");

        Assert.Equal([new SkillGain(SkillGainKind.EducationalFunctioningLevel, new DateOnly(2025, 6, 1)), new SkillGain(SkillGainKind.TrainingMilestone, new DateOnly(2025, 7, 15))],
            content.Rows[0].SkillGains);
    }

    [Fact]
    public async Task Not_yet_available_codes_in_the_quarters_of_a_participant_who_has_not_exited_hold_no_outcome()
    {
        var content = await Read("100,900,901,1602,1704,1606,1706", "p-0001,20250303,,9,999999.99,9,");

        Assert.Equal((0, 1), (content.Rejected.Count, content.Rows.Count));
        Assert.Empty(content.Rows[0].Outcomes);
    }

    [Fact]
    public async Task An_identifier_in_upper_case_as_states_issue_it_is_kept_and_its_resource_id_is_lower_case()
    {
        var row = (await Read("100,900", "OH0012345AB,20250303")).Rows.Single();

        Assert.Equal(("oh0012345ab", "OH0012345AB"), (row.Id, row.Identifier));
    }

    [Fact]
    public void The_export_writes_the_identifier_as_it_was_imported()
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var participant = Participant.Enrol("ohio", "healthcare", "oh0012345ab", new DateOnly(2025, 3, 3), null, null, null, now, "OH0012345AB");

        Assert.StartsWith("OH0012345AB,", PirlFile.Write([participant]).Skip(1).Single());
    }

    [Fact]
    public async Task One_identifier_written_in_two_cases_is_one_participant_twice()
    {
        var content = await Read("100,900", "AB12,20250303", "ab12,20250401");

        Assert.Equal([new PirlRejection(3, "participant ab12 appears on an earlier line too.")], content.Rejected);
    }

    [Theory]
    [InlineData("01", OtherExitReason.Institutionalized)]
    [InlineData("7", OtherExitReason.RemainsIncarcerated)]
    [InlineData("00", OtherExitReason.None)]
    [InlineData("", OtherExitReason.None)]
    public async Task Another_reason_for_exit_is_read_by_its_code(string code, OtherExitReason reason)
    {
        Assert.Equal(reason, (await Read("100,900,901,923", $"p-0001,20250303,20250601,{code}")).Rows.Single().ExitReason);
    }

    [Fact]
    public async Task A_reason_for_exit_that_is_not_a_code_is_a_bad_row()
    {
        Assert.Equal("element 923 '08' is not one of its codes.", (await Read("100,900,901,923", "p-0001,20250303,20250601,08")).Rejected.Single().Reason);
    }
}
