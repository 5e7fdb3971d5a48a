using System.Globalization;
using System.Runtime.CompilerServices;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Pathways.Data.Imports;

/// <summary>
/// One period of participation of a PIRL file, with the line it came from. Id is PIRL 100 normalized to a resource id (lower
/// case); Identifier is PIRL 100 as the file gives it. A person who exited and entered again has a row per period.
/// </summary>
public sealed record PirlRow(long Line, string Id, string Identifier, DateOnly Entry, DateOnly? Exit, EmploymentStatus? Status, DateOnly? BirthDate,
    IReadOnlyList<TrainingEnrolment> Training, IReadOnlyList<AttainedCredential> Credentials, IReadOnlyList<EmploymentOutcome> Outcomes,
    IReadOnlyList<BarrierKind> Barriers, IReadOnlyList<SkillGain> SkillGains, bool? RetainedWithSameEmployer, OtherExitReason ExitReason,
    IReadOnlyList<WioaProgram> Programs, Education Education, Demographics Demographics);

public sealed record PirlRejection(long Line, string Reason);

/// <summary>The rows of a file refused, counted, the first <see cref="PirlFile.MaxRejectionsKept"/> of them kept.</summary>
public sealed class PirlRejections
{
    private readonly List<PirlRejection> _kept = [];

    public long Count { get; private set; }

    public IReadOnlyList<PirlRejection> Kept => _kept;

    public void Add(PirlRejection rejection)
    {
        Count++;
        if (_kept.Count < PirlFile.MaxRejectionsKept)
        {
            _kept.Add(rejection);
        }
    }
}

/// <summary>A PIRL file's header: the column of each element it names, and the elements it names that are not read.</summary>
public sealed class PirlHeader(Dictionary<string, int> column, int width, IReadOnlyList<string> ignoredElements)
{
    public IReadOnlyList<string> IgnoredElements { get; } = ignoredElements;

    /// <summary>One line of the file under this header as a period of participation; a line that breaks the layout throws FormatException.</summary>
    public PirlRow Row(long line, string text) => PirlFile.Row(line, text, column, width);
}

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
    private static readonly string[] QuarterMatches = ["1601", "1603", "1605", "1607"];
    private static readonly string[] QuarterWages = ["1703", "1704", "1705", "1706"];

    /// <summary>The three training slots: date entered, type, and (for the first) date completed or withdrew.</summary>
    private static readonly (string Entered, string Type, string? Ended)[] TrainingSlots = [("1302", "1303", "1308"), ("1309", "1310", null), ("1314", "1315", null)];

    /// <summary>The three credential slots: type and date attained.</summary>
    private static readonly (string Type, string Attained)[] CredentialSlots = [("1800", "1801"), ("1802", "1803"), ("1804", "1805")];

    /// <summary>PIRL 903, 904, 905, 918: a program's funding stream, any code but 0 meaning the period is reported under it.</summary>
    private static readonly (string Element, WioaProgram Program)[] ProgramElements =
        [("903", WioaProgram.Adult), ("904", WioaProgram.DislocatedWorker), ("905", WioaProgram.Youth), ("918", WioaProgram.WagnerPeyser)];

    /// <summary>PIRL 210–215: 1 yes, 0 no, 9 did not self-identify.</summary>
    private static readonly (string Element, EthnicityOrRace Category)[] EthnicityAndRaceElements =
    [
        ("210", EthnicityOrRace.HispanicOrLatino), ("211", EthnicityOrRace.AmericanIndianOrAlaskaNative), ("212", EthnicityOrRace.Asian),
        ("213", EthnicityOrRace.BlackOrAfricanAmerican), ("214", EthnicityOrRace.NativeHawaiianOrPacificIslander), ("215", EthnicityOrRace.White),
    ];

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
        "100", "200", "201", "202", "400", "408", "900", "901", "923", "1308", "1332", "1401", "1406", "1618", "1811", "1813",
        .. Quarters, .. QuarterMatches, .. QuarterWages, .. TrainingSlots.SelectMany(t => new[] { t.Entered, t.Type }),
        .. CredentialSlots.SelectMany(c => new[] { c.Type, c.Attained }), .. ProgramElements.Select(p => p.Element),
        .. EthnicityAndRaceElements.Select(e => e.Element), .. BarrierElements.Select(b => b.Element), .. SkillGainElements.Select(g => g.Element),
    ];

    /// <summary>Reads the whole file into memory: for a check of a small file; an import streams it with <see cref="ReadHeaderAsync"/> and <see cref="RowsAsync"/>.</summary>
    public static async Task<PirlContent> ReadAsync(TextReader text, CancellationToken cancellationToken)
    {
        var lines = new LineReader(text);
        var header = await ReadHeaderAsync(lines, cancellationToken);
        var rejections = new PirlRejections();
        var rows = new List<PirlRow>();
        await foreach (var (_, row) in RowsAsync(lines, header, rejections, cancellationToken))
        {
            rows.Add(row);
        }
        return new PirlContent(rows, rejections.Kept, rejections.Count, header.IgnoredElements);
    }

    /// <summary>The file's lines after the header, each with the period it holds; a line that breaks the layout is added to the rejections instead.</summary>
    public static async IAsyncEnumerable<(string Text, PirlRow Row)> RowsAsync(LineReader lines, PirlHeader header, PirlRejections rejections,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            PirlRow row;
            try
            {
                row = header.Row(lines.LineNumber, line);
            }
            catch (FormatException e)
            {
                rejections.Add(new PirlRejection(lines.LineNumber, e.Message));
                continue;
            }
            yield return (line, row);
        }
    }

    /// <summary>The file's first line, naming the PIRL element of each column; 100 and 900 are required.</summary>
    public static async Task<PirlHeader> ReadHeaderAsync(LineReader lines, CancellationToken cancellationToken)
    {
        var elements = (await lines.ReadLineAsync(cancellationToken))?.Split(',').Select(h => h.Trim()).ToArray()
            ?? throw new ImportRefused("The file is empty; its first line must name PIRL elements, 100 and 900 among them.");
        var column = elements.Select((element, index) => (element, index)).GroupBy(c => c.element).ToDictionary(g => g.Key, g => g.First().index);
        if (!column.ContainsKey("100") || !column.ContainsKey("900"))
        {
            throw new ImportRefused("The header must name PIRL elements 100 (unique individual identifier) and 900 (date of program entry).");
        }
        return new PirlHeader(column, elements.Length, [.. elements.Where(h => h.Length > 0 && !Read.Contains(h)).Distinct()]);
    }

    internal static PirlRow Row(long line, string text, Dictionary<string, int> column, int width)
    {
        var separators = Separators(text, width);
        // A cell becomes a string only when it is read and not blank: a file is mostly blank cells, and a string for each
        // of them, for every line read twice, was garbage for the collector that an import of a million lines paid for.
        string Cell(string element)
        {
            if (!column.TryGetValue(element, out var i))
            {
                return "";
            }
            var cell = text.AsSpan(separators[i] + 1, separators[i + 1] - separators[i] - 1).Trim();
            return cell.IsEmpty ? "" : cell.ToString();
        }
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
        var training = new List<TrainingEnrolment>();
        foreach (var (enteredElement, typeElement, endedElement) in TrainingSlots)
        {
            if (Date(Cell(enteredElement), enteredElement) is { } entered)
            {
                training.Add(new TrainingEnrolment(entered, Code<TrainingType>(Cell(typeElement), typeElement)
                    ?? throw new FormatException($"element {typeElement} is required with {enteredElement}."), null,
                    endedElement is null ? null : Date(Cell(endedElement), endedElement)));
            }
        }
        var credentials = new List<AttainedCredential>();
        foreach (var (typeElement, attainedElement) in CredentialSlots)
        {
            if (Code<CredentialType>(Cell(typeElement), typeElement) is { } type)
            {
                credentials.Add(new AttainedCredential(type, Date(Cell(attainedElement), attainedElement)
                    ?? throw new FormatException($"element {attainedElement} is required with {typeElement}."), ""));
            }
        }
        var exit = Date(Cell("901"), "901");
        var outcomes = new List<EmploymentOutcome>();
        for (var q = 0; q < Quarters.Length; q++)
        {
            var status = Code<QuarterEmployment>(Cell(Quarters[q]), Quarters[q], zeroIsValue: true);
            var match = Number(Cell(QuarterMatches[q]), QuarterMatches[q], 0, 5);
            var wages = Wages(Cell(QuarterWages[q]), QuarterWages[q]);
            // Extracts carry "not yet available" in the quarters after an exit that has not happened: they hold no outcome.
            if (status is { } known && !(exit is null && (known == QuarterEmployment.NotYetKnown || match == 5) && wages is null))
            {
                outcomes.Add(new EmploymentOutcome(q + 1, known, wages, null, match));
            }
        }
        var gains = SkillGainElements.Select(g => Date(Cell(g.Element), g.Element) is { } date ? new SkillGain(g.Kind, date) : null).OfType<SkillGain>().ToList();
        var programs = ProgramElements.Where(p => Number(Cell(p.Element), p.Element, 0, 9) is > 0).Select(p => p.Program).ToList();
        var education = new Education(Flag(Cell("1332"), "1332") ?? false, Flag(Cell("1401"), "1401") ?? false, Number(Cell("408"), "408", 0, 8),
            Date(Cell("1406"), "1406"), Date(Cell("1811"), "1811"), Date(Cell("1813"), "1813"));
        var sex = Cell("201") switch
        {
            "" => (Sex?)null,
            "1" => Sex.Male,
            "2" => Sex.Female,
            "9" => Sex.DidNotSelfIdentify,
            var other => throw new FormatException($"element 201 '{Shown(other)}' is not one of 1, 2, 9."),
        };
        var ethnicityAndRace = EthnicityAndRaceElements.Where(e => Cell(e.Element) switch
        {
            "" or "0" or "9" => false,
            "1" => true,
            var other => throw new FormatException($"element {e.Element} '{Shown(other)}' is not one of 0, 1, 9."),
        }).Select(e => e.Category).ToList();
        return new PirlRow(line, id, identifier, Date(Cell("900"), "900") ?? throw new FormatException("element 900 (date of program entry) is required."),
            exit, EntryStatus(Cell("400")), Date(Cell("200"), "200"), training, credentials, outcomes, Barriers(Cell), gains, Flag(Cell("1618"), "1618"),
            Code<OtherExitReason>(Cell("923"), "923") ?? OtherExitReason.None, programs, education, new Demographics(sex, ethnicityAndRace));
    }

    /// <summary>Where each cell of a line ends: the commas, with the line's start and end around them.</summary>
    private static int[] Separators(string text, int width)
    {
        var values = text.AsSpan().Count(',') + 1;
        if (values != width)
        {
            throw new FormatException($"has {values} values where the header names {width}.");
        }
        var separators = new int[width + 1];
        separators[0] = -1;
        for (int i = 0, at = 1; i < text.Length; i++)
        {
            if (text[i] == ',')
            {
                separators[at++] = i;
            }
        }
        separators[width] = text.Length;
        return separators;
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

    /// <summary>A yes/no element (1332, 1401, 1618): 1 yes, 0 no, blank not reported.</summary>
    private static bool? Flag(string value, string element) => value switch
    {
        "" => null,
        "1" => true,
        "0" => false,
        _ => throw new FormatException($"element {element} '{Shown(value)}' is not one of 0, 1."),
    };

    private static int? Number(string value, string element, int lowest, int highest) =>
        value.Length == 0 ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= lowest && number <= highest ? number
        : throw new FormatException($"element {element} '{Shown(value)}' is not a code from {lowest} to {highest}.");

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
        "100,400,900,901,1302,1303,1308,1600,1602,1604,1606,1703,1704,1705,1706,1800,1801,202,800,801,802,803,804,805,806,807,1806,1807,1808,1809,1810,1618,923,"
        + "1309,1310,1314,1315,1802,1803,1804,1805,1601,1603,1605,1607,1332,1401,408,1406,1811,1813,903,904,905,918,201,210,211,212,213,214,215";

    /// <summary>
    /// Every period of participation of the participants as a PIRL row under <see cref="ExportHeader"/>, oldest first: its
    /// three first training and credential slots, each quarter after exit, the barriers at entry, the most recent skill
    /// gain of each kind, programs, education and demographics. 202 is left empty without a disability recorded, since "no"
    /// (0) and "did not disclose" (9) are both read as none and cannot be told apart again.
    /// </summary>
    public static IEnumerable<string> Write(IEnumerable<Participant> participants)
    {
        yield return ExportHeader;
        foreach (var p in participants)
        {
            foreach (var period in p.Periods)
            {
                yield return string.Join(',', Cells(p, period));
            }
        }
    }

    private static IEnumerable<string> Cells(Participant p, PeriodOfParticipation period)
    {
        var training = Enumerable.Range(0, TrainingSlots.Length).Select(i => period.Training.ElementAtOrDefault(i)).ToList();
        var credentials = Enumerable.Range(0, CredentialSlots.Length).Select(i => period.Credentials.ElementAtOrDefault(i)).ToList();
        var quarters = Enumerable.Range(1, 4).Select(q => period.Outcomes.FirstOrDefault(o => o.Quarter == q)).ToList();
        var education = period.Details.Education;
        return
        [
            p.PirlIdentifier ?? p.Id,
            period.StatusAtEntry switch
            {
                EmploymentStatus.Employed => "1",
                EmploymentStatus.EmployedWithNotice => "2",
                EmploymentStatus.NotInLaborForce => "3",
                EmploymentStatus.Unemployed => "0",
                _ => "",
            },
            Text(period.Entry), Text(period.Exit),
            Text(training[0]?.Entered), Code(training[0]?.Type), Text(training[0]?.Ended),
            .. quarters.Select(o => o is null ? "" : ((int)o.Status).ToString(CultureInfo.InvariantCulture)),
            .. quarters.Select(o => o is null ? "" : o.Wages?.ToString("0.00", CultureInfo.InvariantCulture) ?? "999999.99"),
            credentials[0] is { } first ? ((int)first.Type).ToString(CultureInfo.InvariantCulture) : "", Text(credentials[0]?.Attained),
            p.Barriers.Contains(BarrierKind.Disability) ? "1" : "",
            .. BarrierElements.Select(b => p.Barriers.Contains(b.Barrier) ? "1" : "0"),
            .. SkillGainElements.Select(g => Text(period.SkillGains.Where(x => x.Kind == g.Kind).Select(x => (DateOnly?)x.Date).Max())),
            Flag(period.RetainedWithSameEmployer),
            period.Exit is null ? "" : ((int)period.ExitReason).ToString("D2", CultureInfo.InvariantCulture),
            .. training.Skip(1).SelectMany(t => new[] { Text(t?.Entered), Code(t?.Type) }),
            .. credentials.Skip(1).SelectMany(c => new[] { c is null ? "" : ((int)c.Type).ToString(CultureInfo.InvariantCulture), Text(c?.Attained) }),
            .. quarters.Select(o => o?.MatchType?.ToString(CultureInfo.InvariantCulture) ?? ""),
            education.Postsecondary ? "1" : "", education.Secondary ? "1" : "", education.HighestLevelAtEntry?.ToString(CultureInfo.InvariantCulture) ?? "",
            Text(education.EnrolledAfterExit), Text(education.CredentialTrainingEntered), Text(education.CredentialTrainingCompleted),
            .. ProgramElements.Select(e => period.Details.Programs.Contains(e.Program) ? "1" : ""),
            p.Demographics.Sex is { } sex ? ((int)sex).ToString(CultureInfo.InvariantCulture) : "",
            .. EthnicityAndRaceElements.Select(e => p.Demographics.EthnicityAndRace.Contains(e.Category) ? "1" : ""),
        ];
    }

    private static string Code(TrainingType? type) => type is { } t ? ((int)t).ToString("D2", CultureInfo.InvariantCulture) : "";

    private static string Flag(bool? value) => value switch { true => "1", false => "0", null => "" };

    private static string Text(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";

    private static string Shown(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
