using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>Conversions between the APIs' common proto types and the domains' types.</summary>
public static class ProtoConversions
{
    /// <summary>
    /// The domain value of a proto enum, or null when unset or unknown (the caller reports the field).
    /// <paramref name="prefix"/> is what the proto's value names carry and the domain's do not.
    /// </summary>
    public static TDomain? ToDomain<TProto, TDomain>(this TProto value, string prefix = "")
        where TProto : struct, System.Enum where TDomain : struct, System.Enum
    {
        var name = value.ToString();
        name = prefix.Length > 0 && name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
        return Convert.ToInt32(value) != 0 && System.Enum.TryParse<TDomain>(name, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : null;
    }

    public static TProto ToProto<TDomain, TProto>(this TDomain value, string prefix = "")
        where TProto : struct, System.Enum where TDomain : struct, System.Enum =>
        System.Enum.Parse<TProto>(prefix + value);

    public static DateOnly? ToDate(this Google.Type.Date? date, string field)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }
        if (date.Year is < 1900 or > 2200 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw new InvalidInput(field, "must be a calendar date between 1900 and 2200.");
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static Google.Type.Date? ToProto(this DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>
    /// A proto double as the decimal the domain computes with. NaN, the infinities and magnitudes past decimal's
    /// (about 7.9e28) have no decimal: they are the caller's invalid input, not an overflow of the service.
    /// </summary>
    public static decimal ToDecimal(this double value, string field) =>
        double.IsFinite(value) && Math.Abs(value) < (double)decimal.MaxValue
            ? (decimal)value
            : throw new InvalidInput(field, "must be a finite number no larger in size than 7.9e28.");

    /// <summary>A google.protobuf.Timestamp as a time, or null when unset; one outside years 1 to 9999 is the caller's invalid input.</summary>
    public static DateTimeOffset? ToTime(this Google.Protobuf.WellKnownTypes.Timestamp? time, string field) =>
        time is null ? null
        : time.Seconds is >= -62_135_596_800 and <= 253_402_300_799 && time.Nanos is >= 0 and < 1_000_000_000 ? time.ToDateTimeOffset()
        : throw new InvalidInput(field, "must be a time between the years 1 and 9999.");

    /// <summary>A google.type.Money as a decimal, once its nanos are below one unit and share the sign of its units.</summary>
    public static decimal ToDecimal(this Google.Type.Money money, string field)
    {
        var sameSign = money.Units == 0 || money.Nanos == 0 || Math.Sign(money.Units) == Math.Sign(money.Nanos);
        new Violations().Require(sameSign && money.Nanos is > -1_000_000_000 and < 1_000_000_000, $"{field}.nanos", "must be below one unit and share the sign of units.")
            .ThrowIfAny();
        return money.ToDecimal();
    }

    /// <summary>A google.type.Money as a decimal; nanos carry the fraction and share the units' sign.</summary>
    public static decimal ToDecimal(this Google.Type.Money money) => money.Units + money.Nanos / 1_000_000_000m;

    public static Google.Type.Money ToProtoMoney(decimal amount, string currency)
    {
        var units = decimal.Truncate(amount);
        return new Google.Type.Money { CurrencyCode = currency, Units = (long)units, Nanos = (int)((amount - units) * 1_000_000_000m) };
    }
}
