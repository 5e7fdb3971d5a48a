namespace SectorMesh.Domain;

/// <summary>
/// Gathers the invalid fields of a request across several conversions and the domain's own
/// checks, so a caller learns every problem at once instead of one per attempt.
/// </summary>
public sealed class InputCollector
{
    private readonly List<FieldViolation> _violations = [];

    /// <summary>Runs one conversion; on invalid input keeps its violations and carries on with a default.</summary>
    public T Take<T>(Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (InvalidInput e)
        {
            _violations.AddRange(e.Violations);
            return default!;
        }
    }

    public async Task<T> TakeAsync<T>(Func<Task<T>> convert)
    {
        try
        {
            return await convert();
        }
        catch (InvalidInput e)
        {
            _violations.AddRange(e.Violations);
            return default!;
        }
    }

    /// <summary>Runs a final change and throws every violation found on the way, its own included.</summary>
    public void Finish(Action change) => Finish(() =>
    {
        change();
        return true;
    });

    /// <summary>Runs the final step and throws every violation found on the way, its own included.</summary>
    public T Finish<T>(Func<T> create)
    {
        T result;
        try
        {
            result = create();
        }
        catch (InvalidInput e)
        {
            throw new InvalidInput([.. _violations, .. e.Violations]);
        }
        catch (DomainException) when (_violations.Count > 0)
        {
            // A rule judged half-converted input; the invalid fields are the real answer.
            throw new InvalidInput(_violations.ToList());
        }
        if (_violations.Count > 0)
        {
            throw new InvalidInput(_violations.ToList());
        }
        return result;
    }
}
