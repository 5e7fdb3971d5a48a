using SectorMesh.Metrics.Data;
using SectorMesh.Metrics.Domain;

namespace SectorMesh.UnitTests.Metrics;

public class PackedOutcomesTests
{
    public static TheoryData<Sex?, AgeBand?, bool?, EthnicityOrRace[]> People => new()
    {
        { null, null, null, [] },
        { Sex.Male, AgeBand.Under16, false, [EthnicityOrRace.HispanicOrLatino] },
        { Sex.Female, AgeBand.Over59, true, [EthnicityOrRace.Asian, EthnicityOrRace.White, EthnicityOrRace.Multiracial] },
        { Sex.DidNotSelfIdentify, AgeBand.From25To44, null, [EthnicityOrRace.MiddleEasternOrNorthAfrican] },
    };

    [Theory]
    [MemberData(nameof(People))]
    public void Demographics_read_back_as_they_were_packed(Sex? sex, AgeBand? age, bool? disability, EthnicityOrRace[] categories)
    {
        var demographics = new Demographics(sex, categories, age, disability, ["Homeless"]);

        var read = PackedOutcomes.Demographics(PackedOutcomes.Demographics(demographics), demographics.Barriers);

        Assert.Equal((sex, age, disability, string.Join(',', categories)), (read.Sex, read.AgeAtEntry, read.Disability, string.Join(',', read.EthnicityAndRace)));
    }

    [Theory]
    [InlineData(Outcome.Succeeded, Outcome.NotYetAvailable, Outcome.NotCounted, Outcome.Failed, Outcome.Excluded, ExitReason.RemainsIncarcerated, true)]
    [InlineData(Outcome.Excluded, Outcome.Excluded, Outcome.Excluded, Outcome.NotCounted, Outcome.Excluded, ExitReason.Deceased, false)]
    public void Outcomes_read_back_each_in_its_slot(Outcome q2, Outcome q4, Outcome earnings, Outcome credential, Outcome retention, ExitReason reason, bool gainsExcluded)
    {
        var packed = PackedOutcomes.Outcomes(new PeriodOutcomes(null, reason, q2, q4, earnings, null, credential, retention, gainsExcluded, null, null, [],
            Demographics.Unknown));

        Assert.Equal((q2, q4, earnings, credential, retention, reason, gainsExcluded),
            (PackedOutcomes.Outcome(packed, 0), PackedOutcomes.Outcome(packed, 1), PackedOutcomes.Outcome(packed, 2), PackedOutcomes.Outcome(packed, 3),
                PackedOutcomes.Outcome(packed, 4), PackedOutcomes.ExitReason(packed), PackedOutcomes.SkillGainsExcluded(packed)));
    }
}
