using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

public sealed partial class EngagementApi
{
    public override async Task ImportLaborMarketData(IAsyncStreamReader<V1.ImportChunk> requestStream, IServerStreamWriter<V1.ImportReport> responseStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var first = await requestStream.MoveNext(cancellationToken) ? requestStream.Current : new V1.ImportChunk();
        var tenant = Names.Tenant.Parse(first.Parent, "parent")[0];
        var format = first.Format.ToDomain<V1.ImportFormat, LmiFormat>()
            ?? throw new InvalidInput("format", "is required in the first chunk: IMPORT_FORMAT_QCEW_CSV, IMPORT_FORMAT_OEWS_CSV or IMPORT_FORMAT_ONET_TEXT.");

        var pipe = new System.IO.Pipelines.Pipe();
        var received = ImportChunks.CopyAsync(first, requestStream, pipe.Writer, importOptions.MaxBytes, cancellationToken);
        var report = new Data.Imports.ImportReport();
        Stream body;
        try
        {
            body = await Data.Imports.CompressedFile.OpenAsync(pipe.Reader, null, importOptions.MaxUnpackedBytes, cancellationToken);
        }
        catch (ImportRefused e)
        {
            throw new InvalidInput("file", e.Message);
        }
        using (var file = new StreamReader(body))
        {
            await lmi.ImportAsync(tenant, format, first.Year == 0 ? null : first.Year, file, report,
                progress => responseStream.WriteAsync(progress.ToProto()), cancellationToken);
        }
        await received;
        var done = report.ToProto();
        done.Done = true;
        await responseStream.WriteAsync(done);
    }

    public override async Task<V1.ListOccupationEmploymentResponse> ListOccupationEmployment(V1.ListOccupationEmploymentRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        new Violations().Require(System.Text.RegularExpressions.Regex.IsMatch(request.OccupationCode ?? "", @"^\d{2}-\d{4}\z"), "occupation_code",
            "must be a SOC code such as 29-1141.").ThrowIfAny();
        var rows = await db.Oews.AsNoTracking().OfTenant(tenant)
            .Where(r => r.OccupationCode == request.OccupationCode && (request.Year == 0 || r.Year == request.Year))
            .OrderByDescending(r => r.Year).ThenBy(r => r.AreaCode).ThenBy(r => r.IndustryCode).Take(1000)
            .ToListAsync(context.CancellationToken);
        return new V1.ListOccupationEmploymentResponse { OccupationEmployment = { rows.Select(r => r.ToProto()) } };
    }
}
