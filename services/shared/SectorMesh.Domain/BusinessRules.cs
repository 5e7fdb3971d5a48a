namespace SectorMesh.Domain;

/// <summary>A rule of the Framework the software enforces, with a name you can find and test.</summary>
public interface IBusinessRule
{
    string Message { get; }

    bool IsBroken();
}

public static class BusinessRules
{
    /// <summary>Checks every rule and reports all that are broken, so the caller sees what is missing at once.</summary>
    public static void Check(params IBusinessRule[] rules)
    {
        var broken = rules.Where(r => r.IsBroken()).ToList();
        if (broken.Count > 0)
        {
            throw new BusinessRuleBroken(broken);
        }
    }
}
