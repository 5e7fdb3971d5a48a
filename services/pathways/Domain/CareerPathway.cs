using System.Globalization;
using System.Text.RegularExpressions;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain.Rules;

namespace SectorMesh.Pathways.Domain;

/// <summary>An occupation on a pathway; the wage is the region's typical hourly wage for it, and the source says where it comes from.</summary>
public sealed record PathwayStep(string StepId, string Occupation, string Title, string EntryRequirements, decimal TypicalHourlyWage, bool Entry,
    string WageSource = PathwayStep.Given)
{
    public const string Given = "given";

    /// <summary>Whether the step leaves its title or wage to the tenant's OEWS figures.</summary>
    public bool NeedsOccupationFigures => Title.Trim().Length == 0 || TypicalHourlyWage == 0;

    /// <summary>The step with the title and wage it was not given taken from the occupation's OEWS figures.</summary>
    public PathwayStep CompletedFrom(Occupation? occupation, string field)
    {
        if (!NeedsOccupationFigures)
        {
            return this;
        }
        var figures = occupation ?? throw new InvalidInput($"{field}.occupation",
            $"has no OEWS figures in the tenant to take the step's title or wage from; import them, or give title and typical_hourly_wage.");
        var step = Title.Trim().Length == 0 ? this with { Title = figures.Title } : this;
        if (TypicalHourlyWage != 0)
        {
            return step;
        }
        var (wage, source) = figures.StateWage() ?? throw new InvalidInput($"{field}.typical_hourly_wage",
            $"is required: OEWS publishes no state median wage for {Occupation}.");
        return step with { TypicalHourlyWage = wage, WageSource = source };
    }
}

public enum BridgeKind
{
    Program,
    Credential,
    WorkExperience,
}

/// <summary>How a worker moves from one step to another: a program (by id), a credential or work experience, taking months and costing dollars.</summary>
public sealed record Bridge(string FromStep, string ToStep, BridgeKind Kind, string? ProgramId, string Description, int Months, decimal Cost);

/// <summary>One way from a step to a target occupation, and what it takes.</summary>
public sealed record Route(IReadOnlyList<string> Steps, int Months, decimal Cost, decimal HourlyWageGain, string Explanation);

/// <summary>
/// A career pathway (Framework element 4): occupations joined by programs, credentials or work
/// experience, a directed graph that may branch and rejoin (a lattice) but never loops back, in
/// which every step can be reached from a step where workers enter.
/// </summary>
public sealed partial class CareerPathway : AggregateRoot, IPartnershipRecord
{
    private CareerPathway() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public List<PathwayStep> Steps { get; private set; } = [];
    public List<Bridge> Bridges { get; private set; } = [];

    public static CareerPathway Define(string tenantId, string partnershipId, string id, string displayName,
        IReadOnlyList<PathwayStep> steps, IReadOnlyList<Bridge> bridges, DateTimeOffset now)
    {
        new Violations().Require(ResourceId.IsValid(id), "career_pathway_id", ResourceId.Rule).ThrowIfAny();
        var pathway = new CareerPathway { TenantId = tenantId, PartnershipId = partnershipId, Id = id };
        pathway.Apply(displayName, steps, bridges);
        pathway.Raise(new CareerPathwayDefined(now));
        return pathway;
    }

    /// <summary>
    /// Replaces the pathway's name, steps and bridges, held to the rules it was defined by; the steps
    /// participants stand on (<paramref name="stepsInUse"/>) must stay.
    /// </summary>
    public void Revise(string displayName, IReadOnlyList<PathwayStep> steps, IReadOnlyList<Bridge> bridges, IReadOnlyCollection<string> stepsInUse, DateTimeOffset now)
    {
        BusinessRules.Check(new StepsInUseStay(stepsInUse, [.. steps.Select(s => s.StepId)]));
        Apply(displayName, steps, bridges);
        Raise(new CareerPathwayRevised(now));
    }

    private void Apply(string displayName, IReadOnlyList<PathwayStep> steps, IReadOnlyList<Bridge> bridges)
    {
        var violations = new Violations()
            .RequireText(displayName, "career_pathway.display_name", Text.NameLength)
            .Require(steps.Count is > 0 and <= MaxSteps, "career_pathway.steps", $"must hold between 1 and {MaxSteps} steps.")
            .Require(bridges.Count <= 1000, "career_pathway.bridges", "must hold at most 1000 bridges.");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var field = $"career_pathway.steps[{i}]";
            violations
                .Require(ResourceId.IsValid(step.StepId), $"{field}.step_id", ResourceId.Rule)
                .Require(SocCode().IsMatch(step.Occupation), $"{field}.occupation", "must be a SOC code such as 29-1141.")
                .RequireText(step.Title, $"{field}.title", Text.NameLength)
                .OptionalText(step.EntryRequirements, $"{field}.entry_requirements", 2000)
                .Require(step.TypicalHourlyWage is >= 0 and <= 1000, $"{field}.typical_hourly_wage", "must be between 0 and 1000 dollars an hour.");
        }
        var ids = steps.Select(s => s.StepId).ToList();
        violations.Require(ids.Distinct().Count() == ids.Count, "career_pathway.steps", "must not repeat a step_id.");
        violations.Require(steps.Count == 0 || steps.Any(s => s.Entry), "career_pathway.steps", "must mark at least one step as an entry step.");
        for (var i = 0; i < bridges.Count; i++)
        {
            var bridge = bridges[i];
            var field = $"career_pathway.bridges[{i}]";
            violations
                .Require(ids.Contains(bridge.FromStep), $"{field}.from_step", "must be the step_id of a step of this pathway.")
                .Require(ids.Contains(bridge.ToStep), $"{field}.to_step", "must be the step_id of a step of this pathway.")
                .Require(bridge.FromStep != bridge.ToStep, $"{field}.to_step", "must be another step than from_step.")
                .Require(bridge.Kind != BridgeKind.Program || bridge.ProgramId is not null, $"{field}.program", "is required for a program bridge.")
                .OptionalText(bridge.Description, $"{field}.description", 2000)
                .Require(bridge.Months is >= 0 and <= 240, $"{field}.months", "must be between 0 and 240.")
                .Require(bridge.Cost is >= 0 and <= 10_000_000, $"{field}.cost", "must be between 0 and 10,000,000 dollars.");
        }
        violations.ThrowIfAny();

        if (Graph.FindCycle(ids, bridges) is { } cycle)
        {
            throw new InvalidInput("career_pathway.bridges", $"must not lead back to a step: {string.Join(" → ", cycle)}.");
        }
        var unreachable = Graph.Unreachable(steps, bridges);
        if (unreachable.Count > 0)
        {
            throw new InvalidInput("career_pathway.steps", $"every step must be reachable from an entry step; not: {string.Join(", ", unreachable)}.");
        }
        DisplayName = displayName.Trim();
        Steps = [.. steps];
        Bridges = [.. bridges];
    }

    public const int MaxSteps = 200;

    public PathwayStep? Step(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);

    /// <summary>Bridges into a step that pays less than the step they start from, each in a sentence.</summary>
    public IReadOnlyList<string> WageDrops() =>
    [
        .. Bridges
            .Select(b => (From: Step(b.FromStep)!, To: Step(b.ToStep)!))
            .Where(pair => pair.To.TypicalHourlyWage < pair.From.TypicalHourlyWage)
            .Select(pair => $"{pair.To.Title} ({pair.To.StepId}) pays {Dollars(pair.To.TypicalHourlyWage)} an hour, less than the {Dollars(pair.From.TypicalHourlyWage)} of {pair.From.Title} ({pair.From.StepId}) before it."),
    ];

    /// <summary>How many steps a search for routes may visit: a wide lattice has more routes than anyone reads.</summary>
    public const int RouteSearchBudget = 100_000;

    /// <summary>
    /// The routes from <paramref name="fromStep"/> to a step of <paramref name="targetOccupation"/>:
    /// fastest first, then cheapest, then the greater wage gain.
    /// </summary>
    public IReadOnlyList<Route> RoutesTo(string fromStep, string targetOccupation)
    {
        var start = Step(fromStep) ?? throw new InvalidInput("current_step", $"is not a step of {DisplayName}.");
        var routes = new List<Route>();
        var path = new List<Bridge>();
        var visits = 0;
        void Walk(string at)
        {
            if (++visits > RouteSearchBudget)
            {
                return;
            }
            if (Step(at)!.Occupation == targetOccupation && path.Count > 0)
            {
                routes.Add(RouteOf(start, path));
            }
            foreach (var bridge in Bridges.Where(b => b.FromStep == at))
            {
                path.Add(bridge);
                Walk(bridge.ToStep);
                path.RemoveAt(path.Count - 1);
            }
        }
        Walk(fromStep);
        return [.. routes.OrderBy(r => r.Months).ThenBy(r => r.Cost).ThenByDescending(r => r.HourlyWageGain)];
    }

    private Route RouteOf(PathwayStep start, IReadOnlyList<Bridge> path)
    {
        var end = Step(path[^1].ToStep)!;
        var months = path.Sum(b => b.Months);
        var cost = path.Sum(b => b.Cost);
        var gain = end.TypicalHourlyWage - start.TypicalHourlyWage;
        var through = string.Join(", then ", path.Select(b => $"{Describe(b)} to {Step(b.ToStep)!.Title}"));
        var explanation = $"From {start.Title}: {through}; about {months} months and {Dollars(cost)}, " +
            $"{(gain >= 0 ? "raising" : "lowering")} the typical wage by {Dollars(Math.Abs(gain))} an hour.";
        return new Route([start.StepId, .. path.Select(b => b.ToStep)], months, cost, gain, explanation);
    }

    private static string Describe(Bridge bridge) => bridge.Kind switch
    {
        BridgeKind.Program => $"the program {bridge.Description}".TrimEnd(),
        BridgeKind.Credential => $"the credential {bridge.Description}".TrimEnd(),
        _ => $"work experience{(bridge.Description.Length > 0 ? $" ({bridge.Description})" : "")}",
    };

    private static string Dollars(decimal amount) => amount.ToString("$#,##0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{2}-\d{4}\z")]
    internal static partial Regex SocCode();

    /// <summary>The pathway as a graph of step ids and bridges.</summary>
    private static class Graph
    {
        /// <summary>A list of steps that leads back to its first, or null when there is none.</summary>
        public static IReadOnlyList<string>? FindCycle(IReadOnlyList<string> steps, IReadOnlyList<Bridge> bridges)
        {
            // 0 unvisited, 1 on the current path, 2 finished.
            var state = steps.ToDictionary(s => s, _ => 0);
            var path = new List<string>();
            List<string>? Visit(string step)
            {
                state[step] = 1;
                path.Add(step);
                foreach (var next in bridges.Where(b => b.FromStep == step).Select(b => b.ToStep))
                {
                    if (state[next] == 1)
                    {
                        return [.. path.Skip(path.IndexOf(next)), next];
                    }
                    if (state[next] == 0 && Visit(next) is { } cycle)
                    {
                        return cycle;
                    }
                }
                state[step] = 2;
                path.RemoveAt(path.Count - 1);
                return null;
            }
            return steps.Where(s => state[s] == 0).Select(Visit).FirstOrDefault(c => c is not null);
        }

        public static IReadOnlyList<string> Unreachable(IReadOnlyList<PathwayStep> steps, IReadOnlyList<Bridge> bridges)
        {
            var reached = new HashSet<string>();
            var frontier = new Queue<string>(steps.Where(s => s.Entry).Select(s => s.StepId));
            while (frontier.TryDequeue(out var step))
            {
                if (reached.Add(step))
                {
                    foreach (var bridge in bridges.Where(b => b.FromStep == step))
                    {
                        frontier.Enqueue(bridge.ToStep);
                    }
                }
            }
            return [.. steps.Select(s => s.StepId).Where(id => !reached.Contains(id))];
        }
    }
}
