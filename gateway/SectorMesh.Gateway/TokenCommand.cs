using SectorMesh.ServiceDefaults;

namespace SectorMesh.Gateway;

/// <summary>
/// `issue-token --tenant T --role R [--role R2] [--partnership P] [--organization O] [--subject S] [--hours H]`
/// prints a token signed with Auth:SigningKey. It is for an operator who already holds the key
/// (`kubectl exec` into the gateway of a cluster without an identity provider), where /dev/token
/// does not exist.
/// </summary>
public static class TokenCommand
{
    public const string Name = "issue-token";

    public static int Run(WebApplication app, string[] args)
    {
        var values = args.SkipWhile(a => a != Name).Skip(1).Chunk(2).Where(p => p.Length == 2)
            .ToLookup(p => p[0].TrimStart('-'), p => p[1]);
        var roles = values["role"].ToList();
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)) || (!values["tenant"].Any() && !roles.Contains(Roles.PlatformAdmin)))
        {
            Console.Error.WriteLine($"usage: {Name} --tenant TENANT --role ROLE [--role ROLE] [--partnership ID] [--organization ID] [--subject NAME] [--hours N]");
            Console.Error.WriteLine($"roles: {string.Join(", ", Roles.All)}; --tenant is required for every role but platform-admin.");
            return 2;
        }
        var hours = double.TryParse(values["hours"].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : 8;
        var token = app.Services.GetRequiredService<TokenIssuer>().Issue(values["subject"].FirstOrDefault() ?? "operator",
            values["tenant"].FirstOrDefault() ?? "", roles, values["partnership"], values["organization"].FirstOrDefault(), TimeSpan.FromHours(hours));
        Console.WriteLine(token);
        return 0;
    }
}
