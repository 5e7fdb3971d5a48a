using SectorMesh.ServiceDefaults;
using System.Globalization;
using SectorMesh.Domain;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>
/// Reads a cohort's assessed skills from a small CSV file: a header naming element_id and level
/// (O*NET's Level scale, 0-7), then one skill per row. Unlike labor market files, a cohort's skills
/// are taken whole or not at all, so every unreadable row is named and nothing is stored.
/// </summary>
public static class CohortSkillsReader
{
    public const int MaxRows = 500;

    public static async Task<IReadOnlyList<WorkforceSkill>> ReadAsync(TextReader text, CancellationToken cancellationToken)
    {
        var lines = new LineReader(text);
        async Task<string?> Next()
        {
            try
            {
                return await lines.ReadLineAsync(cancellationToken);
            }
            catch (ImportRefused e)
            {
                throw new InvalidInput("file", e.Message);
            }
        }
        var header = await Next();
        var columns = (header ?? "").Split(',').Select((name, index) => (name: name.Trim().Trim('"').ToLowerInvariant().Replace(' ', '_'), index))
            .GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index);
        if (!columns.TryGetValue("element_id", out var elementColumn) || !columns.TryGetValue("level", out var levelColumn))
        {
            throw new InvalidInput("file", "must start with a header naming element_id and level, for example: element_id,level");
        }
        var skills = new List<WorkforceSkill>();
        var violations = new Violations();
        var line = 1;
        while (await Next() is { } row)
        {
            line++;
            if (row.Length == 0)
            {
                continue;
            }
            var cells = Csv.Split(row);
            if (cells.Length <= Math.Max(elementColumn, levelColumn))
            {
                violations.Add("file", $"line {line}: has {cells.Length} columns where the header names {columns.Count}.");
            }
            else if (!decimal.TryParse(cells[levelColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var level))
            {
                violations.Add("file", $"line {line}: level '{cells[levelColumn]}' is not a number.");
            }
            else
            {
                skills.Add(new WorkforceSkill(cells[elementColumn].Trim(), level));
            }
            if (line > MaxRows + 1)
            {
                throw new InvalidInput("file", $"has more than {MaxRows} skills.");
            }
        }
        violations.ThrowIfAny();
        return skills;
    }
}
