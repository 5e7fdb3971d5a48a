using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

/// <summary>
/// Every method of every .proto, called by every role of the README's access table, in its own tenant
/// and another, on a partnership its token lists and one it does not, through the interceptor that
/// decides access in every service: the answer must be the one the table gives.
/// </summary>
public class AccessMatrixTests
{
    private const string OwnTenant = "ohio";
    private const string OtherTenant = "indiana";
    private const string Listed = "healthcare";
    private const string Unlisted = "manufacturing";

    /// <summary>The callers: each role alone, and the pairs whose reach must stay each role's own.</summary>
    private static readonly string[][] Callers =
    [
        [Roles.PlatformAdmin], [Roles.BoardAdmin], [Roles.PartnershipStaff], [Roles.PartnerMember], [Roles.Viewer], [Roles.PiiReader],
        [Roles.Viewer, Roles.PartnerMember], [Roles.PartnershipStaff, Roles.PiiReader],
    ];

    /// <summary>
    /// The README's table. Per permission and caller, four answers: own tenant on a listed partnership, own
    /// tenant on an unlisted one, another tenant's listed, another tenant's unlisted. A = allowed,
    /// N = not found (the caller cannot see it), D = denied (it sees it, its roles do not grant this).
    /// </summary>
    private static readonly Dictionary<Permission, Dictionary<string, string>> Table = new()
    {
        [Permission.AdministerPlatform] = Row(platform: "AAAA", board: "DDDD", staff: "DDDD", member: "DDDD", viewer: "DDDD", pii: "DDDD", viewerMember: "DDDD", staffPii: "DDDD"),
        [Permission.ReadTenant] = Row(platform: "AAAA", board: "AANN", staff: "AANN", member: "AANN", viewer: "AANN", pii: "AANN", viewerMember: "AANN", staffPii: "AANN"),
        [Permission.WriteTenant] = Row(platform: "AAAA", board: "AANN", staff: "DDNN", member: "DDNN", viewer: "DDNN", pii: "DDNN", viewerMember: "DDNN", staffPii: "DDNN"),
        [Permission.ReadAudit] = Row(platform: "AAAA", board: "AANN", staff: "DDNN", member: "DDNN", viewer: "DDNN", pii: "DDNN", viewerMember: "DDNN", staffPii: "DDNN"),
        [Permission.ReadPartnership] = Row(platform: "AAAA", board: "AANN", staff: "ANNN", member: "ANNN", viewer: "AANN", pii: "NNNN", viewerMember: "AANN", staffPii: "ANNN"),
        [Permission.WritePartnership] = Row(platform: "AAAA", board: "AANN", staff: "ANNN", member: "DNNN", viewer: "DDNN", pii: "NNNN", viewerMember: "DDNN", staffPii: "ANNN"),
        [Permission.GovernPartnership] = Row(platform: "AAAA", board: "AANN", staff: "DNNN", member: "DNNN", viewer: "DDNN", pii: "NNNN", viewerMember: "DDNN", staffPii: "DNNN"),
        [Permission.ActForPartner] = Row(platform: "AAAA", board: "AANN", staff: "ANNN", member: "ANNN", viewer: "DDNN", pii: "NNNN", viewerMember: "ADNN", staffPii: "ANNN"),
        [Permission.SignForPartner] = Row(platform: "AAAA", board: "AANN", staff: "DNNN", member: "ANNN", viewer: "DDNN", pii: "NNNN", viewerMember: "ADNN", staffPii: "DNNN"),
        [Permission.ReadPersonalData] = Row(platform: "DDDD", board: "DDNN", staff: "DNNN", member: "DNNN", viewer: "DDNN", pii: "NNNN", viewerMember: "DDNN", staffPii: "ANNN"),
    };

    private static Dictionary<string, string> Row(string platform, string board, string staff, string member, string viewer, string pii,
        string viewerMember, string staffPii) =>
        new[] { platform, board, staff, member, viewer, pii, viewerMember, staffPii }
            .Select((answers, i) => (Caller: string.Join("+", Callers[i]), answers))
            .ToDictionary(row => row.Caller, row => row.answers);

    public static TheoryData<string> Methods() => [.. ApiCatalog.Methods.Keys];

    [Fact]
    public void Every_method_declares_a_permission()
    {
        var undeclared = ApiCatalog.Methods.Values.Where(m => m.Permission == Permission.Unspecified).Select(m => m.Method.FullName).ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void The_table_has_a_row_for_every_permission()
    {
        var missing = Enum.GetValues<Permission>().Where(p => p != Permission.Unspecified && !Table.ContainsKey(p)).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_caller_gets_the_answer_the_access_table_gives(string path)
    {
        var method = ApiCatalog.Methods[path];
        var wrong = new List<string>();
        foreach (var roles in Callers)
        {
            var expected = Table[method.Permission][string.Join("+", roles)];
            var cells = new[] { (OwnTenant, Listed), (OwnTenant, Unlisted), (OtherTenant, Listed), (OtherTenant, Unlisted) };
            for (var i = 0; i < cells.Length; i++)
            {
                var answer = await AnswerAsync(method, roles, cells[i].Item1, cells[i].Item2);
                if (answer != expected[i])
                {
                    wrong.Add($"{string.Join("+", roles)} on {cells[i].Item1}/{cells[i].Item2}: {answer}, the table says {expected[i]}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{path} ({method.Permission}):\n{string.Join("\n", wrong)}");
    }

    private static async Task<char> AnswerAsync(MethodAccess method, string[] roles, string tenant, string partnership)
    {
        var request = method.RequestNaming(method.ExampleName(tenant, partnership));
        var call = new Call(method, roles);
        var gate = new AccessGate(new TenantScope(NullLogger<TenantScope>.Instance), new NoAuditTrail(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ApplicationName = "SectorMesh.UnitTests" }, TimeProvider.System);
        var interceptor = new AccessInterceptor(gate, NullLogger<AccessInterceptor>.Instance);
        try
        {
            var ran = method.Method.IsClientStreaming
                ? await RunStreaming(interceptor, request, call)
                : await interceptor.UnaryServerHandler<IMessage, IMessage>(request, call, (r, _) => Task.FromResult(r)) is not null;
            return ran ? 'A' : '?';
        }
        catch (ResourceNotFound)
        {
            return 'N';
        }
        catch (AccessDenied)
        {
            return 'D';
        }
    }

    private static async Task<bool> RunStreaming(AccessInterceptor interceptor, IMessage request, Call call)
    {
        var ran = false;
        await interceptor.DuplexStreamingServerHandler<IMessage, IMessage>(new OneMessage(request), null!, call, async (requests, _, _) =>
        {
            ran = await requests.MoveNext(CancellationToken.None);
        });
        return ran;
    }

    /// <summary>A gRPC call of the method by a caller of the own tenant holding the roles, listed on one partnership.</summary>
    private sealed class Call : ServerCallContext
    {
        private readonly MethodAccess _method;
        private readonly Dictionary<object, object> _state = [];

        public Call(MethodAccess method, string[] roles)
        {
            _method = method;
            var claims = new List<Claim> { new("sub", "someone"), new(SectorMeshClaims.Tenant, OwnTenant), new(SectorMeshClaims.Partnership, Listed) };
            claims.AddRange(roles.Select(role => new Claim(SectorMeshClaims.Role, role)));
            _state["__HttpContext"] = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        }

        protected override string MethodCore => $"/{_method.Method.Service.FullName}/{_method.Method.Name}";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override IDictionary<object, object> UserStateCore => _state;
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }

    private sealed class NoAuditTrail : IAuditTrail
    {
        public Task RecordAsync(Contracts.Events.Audit.AuditRecorded entry, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class OneMessage(IMessage message) : IAsyncStreamReader<IMessage>
    {
        private bool _read;

        public IMessage Current => message;

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = !_read;
            _read = true;
            return Task.FromResult(moved);
        }
    }
}
