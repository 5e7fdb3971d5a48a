namespace SectorMesh.Domain;

/// <summary>Collects every invalid field of one request so the caller learns them all at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _found = [];

    public Violations Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            _found.Add(new FieldViolation(field, description));
        }
        return this;
    }

    public Violations RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _found.Add(new FieldViolation(field, "is required."));
            return this;
        }
        return OptionalText(value, field, maxLength);
    }

    public Violations OptionalText(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return this;
        }
        if (value.Length > maxLength)
        {
            _found.Add(new FieldViolation(field, $"must be at most {maxLength} characters."));
        }
        else if (Text.ControlCharacterIn(value, maxLength) is { } at)
        {
            _found.Add(new FieldViolation(field, $"must not contain control characters (found U+{(int)value[at]:X4} at position {at})."));
        }
        return this;
    }

    public Violations Add(string field, string description)
    {
        _found.Add(new FieldViolation(field, description));
        return this;
    }

    public void ThrowIfAny()
    {
        if (_found.Count > 0)
        {
            throw new InvalidInput(_found.ToList());
        }
    }
}
