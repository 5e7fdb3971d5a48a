using SectorMesh.Domain;
using SectorMesh.Engagement.Data.Imports;

namespace SectorMesh.UnitTests.Engagement;

public class CohortSkillsImportTests
{
    private static Task<IReadOnlyList<SectorMesh.Engagement.Domain.WorkforceSkill>> Read(string text) =>
        CohortSkillsReader.ReadAsync(new StringReader(text), CancellationToken.None);

    [Fact]
    public async Task A_skills_file_is_read_by_its_header_names()
    {
        var skills = await Read("level,element_id,assessed_by\n3.5,2.A.1.a,instructor\n2.8,2.A.2.a,instructor\n");

        Assert.Equal([("2.A.1.a", 3.5m), ("2.A.2.a", 2.8m)], skills.Select(s => (s.ElementId, s.Level)));
    }

    [Fact]
    public async Task Every_unreadable_row_is_named_and_nothing_is_taken()
    {
        var error = await Assert.ThrowsAsync<InvalidInput>(() => Read("element_id,level\n2.A.1.a,high\n2.A.2.a\n2.B.1.a,4\n"));

        Assert.Equal(["line 2: level 'high' is not a number.", "line 3: has 1 columns where the header names 2."],
            error.Violations.Select(v => v.Description));
    }

    [Fact]
    public async Task A_file_without_the_two_columns_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidInput>(() => Read("skill,score\nReading,4\n"));

        Assert.Equal("file", Assert.Single(error.Violations).Field);
    }
}
