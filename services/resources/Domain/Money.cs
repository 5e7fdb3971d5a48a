using System.Text.RegularExpressions;
using SectorMesh.Domain;

namespace SectorMesh.Resources.Domain;

/// <summary>An amount in one currency. Money is decimal: grant and budget figures must add up to the cent.</summary>
public readonly partial record struct Money(decimal Amount, string Currency)
{
    /// <summary>
    /// The largest figure taken: no grant, pledge or budget of a partnership comes near a trillion, and the totals of
    /// many such figures must still fit an answer (google.type.Money carries at most 9.2e18 units).
    /// </summary>
    public const decimal Max = 1_000_000_000_000m;

    public static Money Zero(string currency) => new(0m, currency);

    public static Money Create(decimal amount, string? currency, string field)
    {
        new Violations()
            .Require(currency is not null && CurrencyCode().IsMatch(currency), $"{field}.currency_code", "must be a three-letter ISO 4217 code such as USD.")
            .Require(amount >= 0, $"{field}.amount", "must not be negative.")
            .Require(amount <= Max, $"{field}.amount", "must be at most 1,000,000,000,000.")
            .Require(decimal.Round(amount, 2) == amount, $"{field}.amount", "must not have fractions of a cent.")
            .ThrowIfAny();
        return new Money(amount, currency!);
    }

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));

    public Money Times(decimal factor) => new(decimal.Round(Amount * factor, 2), Currency);

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidInput("currency_code", $"cannot combine {a.Currency} with {b.Currency}; a partnership's figures use one currency.");

    public override string ToString() => $"{Amount:N2} {Currency}";

    [GeneratedRegex(@"^[A-Z]{3}\z")]
    private static partial Regex CurrencyCode();
}

/// <summary>A span of calendar days, both ends included.</summary>
public readonly record struct Period(DateOnly Start, DateOnly End)
{
    /// <summary>Average days in a month, so a year is twelve months whatever the months.</summary>
    private const decimal DaysPerMonth = 365.25m / 12m;

    public static Period Create(DateOnly? start, DateOnly? end, string field)
    {
        new Violations()
            .Require(start is not null, $"{field}.start_date", "is required.")
            .Require(end is not null, $"{field}.end_date", "is required.")
            .Require(start is null || end is null || end >= start, $"{field}.end_date", "must not be before the start date.")
            .ThrowIfAny();
        return new Period(start!.Value, end!.Value);
    }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public decimal Months => Days / DaysPerMonth;

    public int OverlapDays(Period other) =>
        Math.Max(0, Math.Min(End.DayNumber, other.End.DayNumber) - Math.Max(Start.DayNumber, other.Start.DayNumber) + 1);

    /// <summary>The share of this period that falls within <paramref name="other"/>, from 0 to 1.</summary>
    public decimal ShareWithin(Period other) => (decimal)OverlapDays(other) / Days;

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
