using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Messaging;
using SectorMesh.ServiceDefaults;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data;

public enum LmiFormat { QcewCsv, OewsCsv, OnetText }

/// <summary>What one upload may be: its size, and how many a tenant may run at once ("Imports" section).</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How large a zipped or gzipped upload may become unpacked: BLS's largest single file is under 1 GiB.</summary>
    public long MaxUnpackedBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    public int ConcurrentPerTenant { get; set; } = 2;
}

/// <summary>
/// Writes imported files into the labor market tables as they are read, in one COPY per file, so a
/// file of any size takes constant memory and no row becomes an EF entity. A QCEW file replaces the
/// owner's rows of its year; OEWS and O*NET files are merged row by row. Either way a broken upload
/// leaves the earlier data as it was. The owner is a tenant, or <see cref="LmiTables.Platform"/> for
/// the national rows and O*NET files imported once for every tenant.
/// </summary>
public sealed class LmiStore(EngagementDbContext db, ImportOptions options, ILogger<LmiStore> logger)
{
    /// <summary>How often a long import reports how far it has got.</summary>
    private const int ProgressEvery = 5_000;

    private static readonly ActivitySource Source = new(Telemetry.SectorMeshSource);
    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);
    private static readonly Counter<long> RowsStored = Meter.CreateCounter<long>("sectormesh.lmi.rows_stored", description: "Labor market and O*NET rows imported");
    private static readonly Counter<long> RowsRejected = Meter.CreateCounter<long>("sectormesh.lmi.rows_rejected", description: "Rows of imported files refused, by line");
    private static readonly Counter<long> RowsSkipped = Meter.CreateCounter<long>("sectormesh.lmi.rows_skipped", description: "Rows of imported files left out as not used");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("sectormesh.lmi.import.duration", "s", "How long a file import took");

    /// <summary>
    /// Imports one file as it is read. <paramref name="progress"/> hears the report every
    /// <see cref="ProgressEvery"/> rows, so a caller can follow a long import; the file is stored whole at the end.
    /// </summary>
    public async Task ImportAsync(string owner, LmiFormat format, int? year, TextReader file, ImportReport report,
        Func<ImportReport, Task> progress, CancellationToken cancellationToken)
    {
        var platform = owner == LmiTables.Platform;
        new Violations()
            .Require(format != LmiFormat.OewsCsv || year is >= 1997 and <= 2100, "year", "is required for OEWS: the survey year the file holds, for example 2024.")
            .Require(!platform || format != LmiFormat.OewsCsv, "kind",
                "must be qcew or onet for the platform: OEWS files differ by area and are each board's own to import.")
            .ThrowIfAny();
        async Task Progress(ImportReport sofar)
        {
            logger.LogInformation("{Format} import for {Owner}: {Lines} lines read, {Kept} kept, {Skipped} skipped, {Rejected} rejected",
                format, owner, sofar.LinesRead, sofar.RowsKept, sofar.SkippedCount, sofar.RejectedCount);
            await progress(sofar);
        }
        using var activity = Source.StartActivity("lmi import");
        activity?.SetTag("sectormesh.tenant", owner);
        activity?.SetTag("sectormesh.lmi.format", format.ToString());
        var started = Stopwatch.GetTimestamp();
        try
        {
            await (format switch
            {
                LmiFormat.QcewCsv => ReplaceYearAsync(owner, QcewCsvReader.ReadAsync(file, report, nationalOnly: platform, cancellationToken), report, Progress, cancellationToken),
                LmiFormat.OewsCsv => UpsertAsync(owner, OewsCsvReader.ReadAsync(file, year!.Value, report, cancellationToken), report, Progress, cancellationToken),
                _ => UpsertAsync(owner, OnetReader.ReadAsync(file, report, cancellationToken), report, Progress, cancellationToken),
            });
        }
        catch (ImportRefused e)
        {
            throw new InvalidInput("file", e.Message);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidInput("file", $"holds the same row twice ({e.Detail}); nothing of it was imported.");
        }
        finally
        {
            var tag = new KeyValuePair<string, object?>("format", format.ToString());
            RowsStored.Add(report.RowsKept, tag);
            RowsRejected.Add(report.RejectedCount, tag);
            RowsSkipped.Add(report.SkippedCount, tag);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
            activity?.SetTag("sectormesh.lmi.rows_kept", report.RowsKept);
            activity?.SetTag("sectormesh.lmi.rows_rejected", report.RejectedCount);
            activity?.SetTag("sectormesh.lmi.rows_skipped", report.SkippedCount);
        }
    }

    /// <summary>
    /// A QCEW file holds one year, annual or by quarter, and replaces the owner's rows of that year
    /// and kind: the old rows are deleted and the file copied straight into the table, in one
    /// transaction, which is many times faster than staging and merging millions of rows. The
    /// transaction stays open while the file streams in; it locks only the rows it replaces, and
    /// readers see the earlier rows until it commits. Should another import be replacing the same
    /// year already, this one is staged apart and swapped in once that one has ended, so the last
    /// to end wins instead of the two colliding on the same rows.
    /// </summary>
    private async Task ReplaceYearAsync(string owner, IAsyncEnumerable<QcewRecord> rows, ImportReport report,
        Func<ImportReport, Task> progress, CancellationToken cancellationToken)
    {
        var writer = CopyWriter<QcewRecord>.For(db.Model);
        await WithImportSlotAsync(owner, async connection =>
        {
            await using var read = rows.GetAsyncEnumerator(cancellationToken);
            // The header is read and checked first: a file that is not what it claims opens nothing.
            if (!await read.MoveNextAsync())
            {
                return;
            }
            var (year, annual) = (read.Current.Year, read.Current.Quarter == SectorSelectionView.Annual);
            var yearLock = new NpgsqlParameter("year_lock", $"{YearLockSpace}{owner}:{year}:{(annual ? "annual" : "quarterly")}");
            const string Replace = $"DELETE FROM {LmiTables.Qcew} WHERE tenant_id = @owner AND year = @year AND (quarter = 'A') = @annual";
            NpgsqlParameter[] ReplaceParameters() =>
                [new NpgsqlParameter("owner", owner), new NpgsqlParameter("year", year), new NpgsqlParameter("annual", annual)];

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var alone = await Scalar<bool>(connection, "SELECT pg_try_advisory_xact_lock(hashtext(@year_lock))", cancellationToken, yearLock);
            if (alone)
            {
                await Execute(connection, Replace, cancellationToken, ReplaceParameters());
            }
            else
            {
                await Execute(connection, $"CREATE TEMP TABLE staging (LIKE {LmiTables.Qcew} INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
            }
            await using (var importer = await connection.BeginBinaryImportAsync(writer.CopyCommand(alone ? LmiTables.Qcew : "staging"), cancellationToken))
            {
                do
                {
                    await writer.WriteAsync(importer, read.Current, owner, cancellationToken);
                    if (report.RowsKept % ProgressEvery == 0)
                    {
                        await progress(report);
                    }
                }
                while (await read.MoveNextAsync());
                await importer.CompleteAsync(cancellationToken);
            }
            if (!alone)
            {
                await Execute(connection, "SELECT pg_advisory_xact_lock(hashtext(@year_lock))", cancellationToken, yearLock.Clone());
                await Execute(connection, Replace, cancellationToken, ReplaceParameters());
                var list = string.Join(", ", writer.Columns);
                await Execute(connection, $"INSERT INTO {LmiTables.Qcew} ({list}) SELECT {list} FROM staging", cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    private const string YearLockSpace = "sectormesh.lmi.qcew-year:";

    /// <summary>
    /// Rows are staged in a table of this connection's own, outside any transaction, so a slow upload
    /// holds no transaction and no lock while it streams; one short transaction merges them at the
    /// end, where a row imported again replaces its earlier value.
    /// </summary>
    private async Task UpsertAsync<T>(string owner, IAsyncEnumerable<T> rows, ImportReport report,
        Func<ImportReport, Task> progress, CancellationToken cancellationToken) where T : class
    {
        var writer = CopyWriter<T>.For(db.Model);
        await WithImportSlotAsync(owner, async connection =>
        {
            await using var read = rows.GetAsyncEnumerator(cancellationToken);
            var more = await read.MoveNextAsync();
            await Execute(connection, $"CREATE TEMP TABLE staging (LIKE {writer.Table} INCLUDING DEFAULTS)", cancellationToken);
            await using (var importer = await connection.BeginBinaryImportAsync(writer.CopyCommand("staging"), cancellationToken))
            {
                for (; more; more = await read.MoveNextAsync())
                {
                    await writer.WriteAsync(importer, read.Current, owner, cancellationToken);
                    if (report.RowsKept % ProgressEvery == 0)
                    {
                        await progress(report);
                    }
                }
                await importer.CompleteAsync(cancellationToken);
            }
            var list = string.Join(", ", writer.Columns);
            var keys = string.Join(", ", writer.KeyColumns);
            var updates = string.Join(", ", writer.Columns.Except(writer.KeyColumns).Select(c => $"{c} = EXCLUDED.{c}"));
            // DISTINCT ON: a key given twice is merged once.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, $"INSERT INTO {writer.Table} ({list}) SELECT DISTINCT ON ({keys}) {list} FROM staging " +
                $"ON CONFLICT ({keys}) DO UPDATE SET {updates}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Runs an import on its own connection, holding one of the owner's import slots.</summary>
    private async Task WithImportSlotAsync(string owner, Func<NpgsqlConnection, Task> import, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var slot = await TakeImportSlotAsync(connection, owner, cancellationToken);
        try
        {
            await import(connection);
        }
        finally
        {
            // A connection that broke has ended its session, and with it the staging table and the slot.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await Execute(connection, $"DROP TABLE IF EXISTS staging; SELECT pg_advisory_unlock(hashtext('{ImportLockSpace}' || @tenant), {slot})",
                    CancellationToken.None, new NpgsqlParameter("tenant", owner));
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string ImportLockSpace = "sectormesh.lmi.import:";

    /// <summary>
    /// One of the tenant's import slots, held by this connection for the import (PostgreSQL advisory
    /// locks, so the limit holds across replicas and is let go if the process dies).
    /// </summary>
    private async Task<int> TakeImportSlotAsync(NpgsqlConnection connection, string tenant, CancellationToken cancellationToken)
    {
        for (var slot = 1; slot <= options.ConcurrentPerTenant; slot++)
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock(hashtext('{ImportLockSpace}' || @tenant), {slot})", connection);
            command.Parameters.AddWithValue("tenant", tenant);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return slot;
            }
        }
        throw new TooManyImports(options.ConcurrentPerTenant);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
