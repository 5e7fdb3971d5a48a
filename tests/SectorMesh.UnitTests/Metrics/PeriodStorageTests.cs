using System.Text.Json;
using SectorMesh.Metrics.Data;
using SectorMesh.Metrics.Domain;
using static SectorMesh.UnitTests.Metrics.Periods;

namespace SectorMesh.UnitTests.Metrics;

public class PeriodStorageTests
{
    [Fact]
    public void A_period_reads_back_from_its_json_column_as_it_was_written()
    {
        var period = Exited(q2: Employed(employer: "12-3456789"), training: [TrainingType.OccupationalSkills],
            credentials: [new Credential(CredentialType.OccupationalCertificate, new DateOnly(2023, 6, 1))],
            demographics: new Demographics(Sex.Female, [EthnicityOrRace.Asian], AgeBand.From25To44, true, ["LowIncome"]));

        var json = JsonSerializer.Serialize(period, MetricsDbContext.Json);

        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<ParticipationPeriod>(json, MetricsDbContext.Json), MetricsDbContext.Json));
    }
}
