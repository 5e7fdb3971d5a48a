using SectorMesh.Pathways.Data.Imports;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Pathways;

public class PirlFileTests
{
    private const string Header = "100,200,400,900,901,1302,1303,1308,1600,1703,1800,1801,1900";

    private static Task<PirlContent> Read(params string[] lines) =>
        PirlFile.ReadAsync(new StringReader(string.Join("\n", lines)), CancellationToken.None);

    [Fact]
    public async Task A_row_becomes_a_participant_with_training_credential_and_first_quarter_wages()
    {
        var content = await Read(Header, "p-0001,19910417,0,20250303,20251219,20250310,06,20251212,1,11250.50,4,20251215,1");

        var row = Assert.Single(content.Rows);
        Assert.Equal(("p-0001", new DateOnly(2025, 3, 3), new DateOnly(2025, 12, 19), EmploymentStatus.Unemployed), (row.Id, row.Entry, row.Exit, row.Status));
        Assert.Equal([new TrainingEnrolment(new DateOnly(2025, 3, 10), TrainingType.OccupationalSkills, null, new DateOnly(2025, 12, 12))], row.Training);
        Assert.Equal(CredentialType.OccupationalLicensure, row.Credentials.Single().Type);
        Assert.Equal([new EmploymentOutcome(1, QuarterEmployment.Unsubsidized, 11250.50m, null)], row.Outcomes);
    }

    [Fact]
    public async Task Elements_the_service_does_not_keep_are_named_not_refused()
    {
        var content = await Read(Header, "p-0001,,,20250303,,,,,,,,,1");

        Assert.Equal(["1900"], content.IgnoredElements);
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
    public async Task Several_rows_of_one_identifier_are_read_as_its_periods_of_participation()
    {
        var content = await Read("100,900,901", "p-0001,20230303,20231115", "p-0001,20250404,");

        Assert.Equal((0, 2), (content.Rejected.Count, content.Rows.Count(r => r.Id == "p-0001")));
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
        var participant = Imported(ExportedPeriods());

        var rows = (await Read([.. PirlFile.Write([participant])])).Rows;

        Assert.Equal(2, rows.Count);
        var again = ParticipantImport.Build("ohio", "healthcare", [.. rows], Now, _ => { });
        Assert.Equal(PirlFile.Write([participant]), PirlFile.Write([again]));
    }

    [Fact]
    public async Task Every_element_a_period_holds_is_written_back_in_its_column()
    {
        var rows = (await Read([.. PirlFile.Write([Imported(ExportedPeriods())])])).Rows;

        var first = rows[0];
        Assert.Equal([TrainingType.OccupationalSkills, TrainingType.OnTheJob, TrainingType.RegisteredApprenticeship], first.Training.Select(t => t.Type));
        Assert.Equal([CredentialType.OccupationalLicensure, CredentialType.SecondaryDiploma], first.Credentials.Select(c => c.Type));
        Assert.Equal([1, 5], first.Outcomes.Select(o => o.MatchType ?? -1));
        Assert.Equal(new Education(true, true, 0, new DateOnly(2024, 2, 1), new DateOnly(2023, 3, 10), new DateOnly(2023, 10, 1)), first.Education);
        Assert.Equal([WioaProgram.Adult, WioaProgram.DislocatedWorker], first.Programs);
        Assert.Equal(Sex.Female, first.Demographics.Sex);
        Assert.Equal([EthnicityOrRace.HispanicOrLatino, EthnicityOrRace.White], first.Demographics.EthnicityAndRace);
        Assert.Equal((true, OtherExitReason.None), (first.RetainedWithSameEmployer, first.ExitReason));
        Assert.Equal((new DateOnly(2025, 3, 3), OtherExitReason.HealthOrMedical), (rows[1].Entry, rows[1].ExitReason));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private const string FullHeader =
        "100,200,201,210,215,400,900,901,923,903,904,1302,1303,1308,1309,1310,1314,1315,1332,1401,408,1406,1811,1813,1600,1601,1602,1603,1703,1704,1800,1801,1802,1803,1618,202,801,1809";

    /// <summary>Two periods of one person: the first with every slot filled, the second exited for health reasons.</summary>
    private static List<PirlRow> ExportedPeriods() => Read(FullHeader,
        "OH-77A,19880101,2,1,1,0,20230301,20231115,00,1,1,20230310,06,20231001,20230501,01,20230601,09,1,1,0,20240201,20230310,20231001,1,1,9,5,8400.00,,4,20231020,1,20240115,1,1,1,20230801",
        "OH-77A,19880101,2,1,1,3,20250303,20251219,02,1,,,,,,,,,,,,,,,,,,,,,,,,,,1,1,").Result.Rows.ToList();

    private static Participant Imported(List<PirlRow> rows) => ParticipantImport.Build("ohio", "healthcare", rows, Now, _ => { });

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
    public async Task One_identifier_written_in_two_cases_is_refused_on_the_later_line()
    {
        var rows = (await Read("100,900,901", "AB12,20230303,20230601", "ab12,20250401,")).Rows.ToList();

        Assert.Equal(new PirlRejection(3, "100 'ab12' is the identifier of line 2, 'AB12', in another case."), ParticipantImport.Refusal("ohio", "healthcare", rows, Now));
    }

    [Fact]
    public async Task A_period_that_enters_before_the_earlier_one_exits_is_refused_on_its_line()
    {
        var rows = (await Read("100,900,901", "p-0001,20230303,20231115", "p-0001,20231001,")).Rows.ToList();

        var refusal = ParticipantImport.Refusal("ohio", "healthcare", rows, Now);

        Assert.Equal(3, refusal!.Line);
        Assert.Contains("must start after the exit on 2023-11-15", refusal.Reason);
    }

    [Fact]
    public async Task The_age_band_at_each_entry_is_computed_from_the_date_of_birth()
    {
        var rows = (await Read("100,200,900,901", "p-0001,20010615,20190601,20190901", "p-0001,20010615,20250303,")).Rows.ToList();

        var participant = Imported(rows);

        Assert.Equal([AgeBand.From16To18, AgeBand.From19To24], participant.Periods.Select(p => p.Details.AgeAtEntry));
    }

    [Fact]
    public async Task A_miscoded_sex_is_a_bad_row_named_by_its_line()
    {
        Assert.Equal(new PirlRejection(2, "element 201 '3' is not one of 1, 2, 9."), (await Read("100,900,201", "p-0001,20250303,3")).Rejected.Single());
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
