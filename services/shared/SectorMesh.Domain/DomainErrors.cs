namespace SectorMesh.Domain;

/// <summary>An error the domain reports in its own words; the API layer maps each kind to a status.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>One invalid field: a dotted path as the caller named it, and what is wrong with it.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>The input is malformed; nothing was changed.</summary>
public sealed class InvalidInput(IReadOnlyList<FieldViolation> violations)
    : DomainException("The request has invalid fields: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public InvalidInput(string field, string description) : this([new FieldViolation(field, description)]) { }
}

/// <summary>One or more named business rules refused the change in the state the resource is in.</summary>
public sealed class BusinessRuleBroken(IReadOnlyList<IBusinessRule> rules)
    : DomainException(string.Join(" ", rules.Select(r => r.Message)))
{
    public IReadOnlyList<IBusinessRule> Rules { get; } = rules;
}

public sealed class ResourceNotFound(string resourceName) : DomainException($"{resourceName} was not found.")
{
    public string ResourceName { get; } = resourceName;
}

public sealed class ResourceAlreadyExists(string resourceName) : DomainException($"{resourceName} already exists.")
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>The caller edited a version of the resource that is no longer current.</summary>
public sealed class StaleEtag(string resourceName)
    : DomainException($"{resourceName} has changed since it was read; read it again and retry with the new etag.")
{
    public string ResourceName { get; } = resourceName;
}
