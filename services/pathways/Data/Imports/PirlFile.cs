using System.Globalization;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Pathways.Data.Imports;

/// <summary>One participant of a PIRL file, with the line it came from.</summary>
/// <summary>Id is PIRL 100 normalized to a resource id (lower case); Identifier is PIRL 100 as the file gives it.</summary>
public sealed record PirlRow(long Line, string Id, string Identifier, DateOnly Entry, DateOnly? Exit, EmploymentStatus? Status, DateOnly? BirthDate,
    TrainingEnrolment? Training, AttainedCredential? Credential, IReadOnlyList<EmploymentOutcome> Outcomes, IReadOnlyList<BarrierKind> Barriers,
    IReadOnlyList<SkillGain> SkillGains, bool? RetainedWithSameEmployer, OtherExitReason ExitReason);

public sealed record PirlRejection(long Line, string Reason);

/// <summary>What a PIRL file holds: its rows, the rows refused (at most <see cref="PirlFile.MaxRejectionsKept"/> kept), and the elements it has that are not read.</summary>
public sealed record PirlContent(IReadOnlyList<PirlRow> Rows, IReadOnlyList<PirlRejection> Rejected, long RejectedCount, IReadOnlyList<string> IgnoredElements);

/// <summary>
/// Reads a CSV in the PIRL layout: a header row of PIRL element numbers (DATA-STANDARDS.md), then one
/// participant a row. Elements this service does not keep are ignored and named; dates are YYYYMMDD;
/// wages of 999999.99 mean not yet available. Element 100 (the identifier, at most 12 characters, never
/// a social security number) and 900 (entry) are required.
/// </summary>
public static class PirlFile
{
    public const int MaxRejectionsKept = 100;

    private static readonly string[] Quarters = ["1600", "1602", "1604", "1606"];
    private static readonly string[] QuarterWages = ["1703", "1704", "1705", "1706"];

    /// <summary>PIRL 800–807, the barriers to employment at entry besides disability (202): 1 yes, 0 no.</summary>
    private static readonly (string Element, BarrierKind Barrier)[] BarrierElements =
    [
        ("800", BarrierKind.Homeless), ("801", BarrierKind.ExOffender), ("802", BarrierKind.LowIncome), ("803", BarrierKind.EnglishLanguageLearner),
        ("804", BarrierKind.BasicSkillsDeficient), ("805", BarrierKind.Cultural), ("806", BarrierKind.SingleParent), ("807", BarrierKind.DisplacedHomemaker),
    ];

    /// <summary>PIRL 1806–1810: the date of the most recent measurable skill gain of each kind.</summary>
    private static readonly (string Element, SkillGainKind Kind)[] SkillGainElements =
    [
        ("1806", SkillGainKind.EducationalFunctioningLevel), ("1807", SkillGainKind.PostsecondaryTranscript), ("1808", SkillGainKind.SecondaryTranscript),
        ("1809", SkillGainKind.TrainingMilestone), ("1810", SkillGainKind.SkillsProgression),
    ];

    private static readonly HashSet<string> Read =
    [
        "100", "200", "202", "400", "900", "901", "923", "1302", "1303", "1308", "1800", "1801", "1618", .. Quarters, .. QuarterWages,
        .. BarrierElements.Select(b => b.Element), .. SkillGainElements.Select(g => g.Element),
    ];

    public static async Task<PirlContent> ReadAsync(TextReader text, CancellationToken cancellationToken)
    {
        var lines = new LineReader(text);
        var header = (await lines.ReadLineAsync(cancellationToken))?.Split(',').Select(h => h.Trim()).ToArray()
            ?? throw new ImportRefused("The file is empty; its first line must name PIRL elements, 100 and 900 among them.");
        var column = header.Select((element, index) => (element, index)).GroupBy(c => c.element).ToDictionary(g => g.Key, g => g.First().index);
        if (!column.ContainsKey("100") || !column.ContainsKey("900"))
        {
            throw new ImportRefused("The header must name PIRL elements 100 (unique individual identifier) and 900 (date of program entry).");
        }
        var rows = new List<PirlRow>();
        var rejected = new List<PirlRejection>();
        long rejectedCount = 0;
        var ids = new HashSet<string>();
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split(',');
            try
            {
                var row = Row(lines.LineNumber, cells, column, header.Length);
                if (!ids.Add(row.Id))
                {
                    throw new FormatException($"participant {row.Identifier} appears on an earlier line too.");
                }
                rows.Add(row);
            }
            catch (FormatException e)
            {
                rejectedCount++;
                if (rejected.Count < MaxRejectionsKept)
                {
                    rejected.Add(new PirlRejection(lines.LineNumber, e.Message));
                }
            }
        }
        return new PirlContent(rows, rejected, rejectedCount, [.. header.Where(h => h.Length > 0 && !Read.Contains(h)).Distinct()]);
    }

    private static PirlRow Row(long line, string[] cells, Dictionary<string, int> column, int width)
    {
        if (cells.Length != width)
        {
            throw new FormatException($"has {cells.Length} values where the header names {width}.");
        }
        string Cell(string element) => column.TryGetValue(element, out var i) ? cells[i].Trim() : "";
        var identifier = Cell("100");
        var id = identifier.ToLowerInvariant();
        if (!ResourceId.IsValid(id) || id.Length > 12)
        {
            throw new FormatException("element 100 must be 1 to 12 letters, digits or hyphens, starting with a letter or digit.");
        }
        if (id.All(char.IsAsciiDigit) && id.Length == 9)
        {
            throw new FormatException("element 100 looks like a social security number, which is never stored; use the program's own identifier.");
        }
        var training = Date(Cell("1302"), "1302") is { } entered
            ? new TrainingEnrolment(entered, Code<TrainingType>(Cell("1303"), "1303") ?? throw new FormatException("element 1303 is required with 1302."), null, Date(Cell("1308"), "1308"))
            : null;
        var credential = Code<CredentialType>(Cell("1800"), "1800") is { } type
            ? new AttainedCredential(type, Date(Cell("1801"), "1801") ?? throw new FormatException("element 1801 is required with 1800."), "")
            : null;
        var exit = Date(Cell("901"), "901");
        var outcomes = new List<EmploymentOutcome>();
        for (var q = 0; q < Quarters.Length; q++)
        {
            var status = Code<QuarterEmployment>(Cell(Quarters[q]), Quarters[q], zeroIsValue: true);
            var wages = Wages(Cell(QuarterWages[q]), QuarterWages[q]);
            // Extracts carry "not yet available" in the quarters after an exit that has not happened: they hold no outcome.
            if (status is { } known && !(exit is null && known == QuarterEmployment.NotYetKnown && wages is null))
            {
                outcomes.Add(new EmploymentOutcome(q + 1, known, wages, null));
            }
        }
        var gains = SkillGainElements.Select(g => Date(Cell(g.Element), g.Element) is { } date ? new SkillGain(g.Kind, date) : null).OfType<SkillGain>().ToList();
        return new PirlRow(line, id, identifier, Date(Cell("900"), "900") ?? throw new FormatException("element 900 (date of program entry) is required."),
            exit, EntryStatus(Cell("400")), Date(Cell("200"), "200"), training, credential, outcomes, Barriers(Cell), gains, Retention(Cell("1618")), Code<OtherExitReason>(Cell("923"), "923") ?? OtherExitReason.None);
    }

    /// <summary>PIRL 202 (1 yes, 0 no, 9 did not disclose: no barrier recorded) and 800–807 (1 yes, 0 no).</summary>
    private static List<BarrierKind> Barriers(Func<string, string> cell)
    {
        var barriers = cell("202") switch
        {
            "" or "0" or "9" => new List<BarrierKind>(),
            "1" => [BarrierKind.Disability],
            var other => throw new FormatException($"element 202 '{Shown(other)}' is not one of 0, 1, 9."),
        };
        foreach (var (element, barrier) in BarrierElements)
        {
            switch (cell(element))
            {
                case "" or "0":
                    break;
                case "1":
                    barriers.Add(barrier);
                    break;
                case var other:
                    throw new FormatException($"element {element} '{Shown(other)}' is not one of 0, 1.");
            }
        }
        return barriers;
    }

    /// <summary>PIRL 1618: 1 retained with the same employer, 0 not; blank while the 4th quarter is not known.</summary>
    private static bool? Retention(string value) => value switch
    {
        "" => null,
        "1" => true,
        "0" => false,
        _ => throw new FormatException($"element 1618 '{Shown(value)}' is not one of 0, 1."),
    };

    private static DateOnly? Date(string value, string element) =>
        value.Length == 0 ? null
        : DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FormatException($"element {element} '{Shown(value)}' is not a date as YYYYMMDD.");

    /// <summary>A PIRL code whose numbers are the domain enum's values; 0 is "none" unless <paramref name="zeroIsValue"/>.</summary>
    private static T? Code<T>(string value, string element, bool zeroIsValue = false) where T : struct, Enum
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || (code != 0 || zeroIsValue) && !Enum.IsDefined(typeof(T), code))
        {
            throw new FormatException($"element {element} '{Shown(value)}' is not one of its codes.");
        }
        return code == 0 && !zeroIsValue ? null : (T)Enum.ToObject(typeof(T), code);
    }

    /// <summary>PIRL 400: 1 employed, 2 employed with a notice of termination, 3 not in the labor force, 0 unemployed.</summary>
    private static EmploymentStatus? EntryStatus(string value) => value switch
    {
        "" => null,
        "1" => EmploymentStatus.Employed,
        "2" => EmploymentStatus.EmployedWithNotice,
        "3" => EmploymentStatus.NotInLaborForce,
        "0" => EmploymentStatus.Unemployed,
        _ => throw new FormatException($"element 400 '{Shown(value)}' is not one of 0, 1, 2, 3."),
    };

    private static decimal? Wages(string value, string element) =>
        value.Length == 0 || value == "999999.99" ? null
        : decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wages) && wages < 1_000_000 ? wages
        : throw new FormatException($"element {element} '{Shown(value)}' is not an amount of dollars and cents.");

    /// <summary>The elements <see cref="Write"/> writes, in order: what the import reads, personal data aside.</summary>
    public const string ExportHeader =
        "100,400,900,901,1302,1303,1308,1600,1602,1604,1606,1703,1704,1705,1706,1800,1801,202,800,801,802,803,804,805,806,807,1806,1807,1808,1809,1810,1618,923";

    /// <summary>
    /// Participants as PIRL rows under <see cref="ExportHeader"/>: their first training and credential, each quarter after exit,
    /// their barriers at entry, and the most recent skill gain of each kind. 202 is left empty without a disability recorded, since "no" (0) and "did not disclose" (9)
    /// are both read as none and cannot be told apart again.
    /// </summary>
    public static IEnumerable<string> Write(IEnumerable<Participant> participants)
    {
        yield return ExportHeader;
        foreach (var p in participants)
        {
            var training = p.Training.FirstOrDefault();
            var credential = p.Credentials.FirstOrDefault();
            var quarters = Enumerable.Range(1, 4).Select(q => p.EmploymentOutcomes.FirstOrDefault(o => o.Quarter == q)).ToList();
            string[] cells =
            [
                p.PirlIdentifier ?? p.Id,
                p.EmploymentStatusAtEntry switch
                {
                    EmploymentStatus.Employed => "1",
                    EmploymentStatus.EmployedWithNotice => "2",
                    EmploymentStatus.NotInLaborForce => "3",
                    EmploymentStatus.Unemployed => "0",
                    _ => "",
                },
                Text(p.EntryDate), Text(p.ExitDate),
                Text(training?.Entered), training is null ? "" : ((int)training.Type).ToString("D2", CultureInfo.InvariantCulture), Text(training?.Ended),
                .. quarters.Select(o => o is null ? "" : ((int)o.Status).ToString(CultureInfo.InvariantCulture)),
                .. quarters.Select(o => o is null ? "" : o.Wages?.ToString("0.00", CultureInfo.InvariantCulture) ?? "999999.99"),
                credential is null ? "" : ((int)credential.Type).ToString(CultureInfo.InvariantCulture), Text(credential?.Attained),
                p.Barriers.Contains(BarrierKind.Disability) ? "1" : "",
                .. BarrierElements.Select(b => p.Barriers.Contains(b.Barrier) ? "1" : "0"),
                .. SkillGainElements.Select(g => Text(p.SkillGains.Where(x => x.Kind == g.Kind).Select(x => (DateOnly?)x.Date).Max())),
                p.RetainedWithSameEmployer switch { true => "1", false => "0", null => "" },
                p.ExitDate is null ? "" : ((int)p.ExitReason).ToString("D2", CultureInfo.InvariantCulture),
            ];
            yield return string.Join(',', cells);
        }
    }

    private static string Text(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";

    private static string Shown(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
