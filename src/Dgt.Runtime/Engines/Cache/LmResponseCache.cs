using Microsoft.Data.Sqlite;

namespace Dgt.Runtime.Engines.Cache;

/// <summary>
/// Replies stored in a SQLite file, so a rerun never pays twice for the same call. The file is in WAL mode, which lets
/// readers and a writer work at once; every operation opens its own (pooled) connection, so any number of concurrent
/// requests and engines, even in other processes, can share one file. A failed call is never stored.
/// </summary>
internal sealed class LmResponseCache
{
    private readonly string _connectionString;

    static LmResponseCache()
    {
        // Load the bundled native SQLite directly: the library's own lookup of its bundle goes through reflection,
        // which a trimmed Native AOT program cannot rely on.
        SQLitePCL.Batteries_V2.Init();
    }

    private readonly string _blockName;
    private readonly Lazy<Task> _created;

    private LmResponseCache(string connectionString, string path, string blockName)
    {
        _connectionString = connectionString;
        Path = path;
        _blockName = blockName;
        _created = new Lazy<Task>(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>
    /// The cache at <paramref name="path"/>. The file is created (or checked to be a cache) at the first call that uses
    /// it, so a validation or a refused start-up leaves no file behind; a path that can never be one is refused here.
    /// </summary>
    /// <exception cref="LmPermanentException">The path names a directory.</exception>
    public static LmResponseCache Open(string path, string blockName)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new LmPermanentException(
                $"The response cache '{fullPath}' of block '{blockName}' is a directory. Point lm_cache (or --lm-cache) at a " +
                $"file, for example '{fullPath}/cache.sqlite', or remove the setting to run without a cache.")
            {
                ConfigKey = "lm_cache",
            };
        }

        // What can be known without creating anything: a parent that is a file, or a file that is no SQLite database.
        if (Problem(fullPath) is { } problem)
        {
            throw new LmPermanentException(
                $"The response cache '{fullPath}' of block '{blockName}' cannot be opened ({problem}). Point lm_cache " +
                "(or --lm-cache) at a writable file, or remove the setting to run without a cache.")
            {
                ConfigKey = "lm_cache",
            };
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a command waits for another connection's write lock before giving up.
            DefaultTimeout = 60,
        }.ToString();
        return new LmResponseCache(connectionString, fullPath, blockName);
    }

    private static string? Problem(string fullPath)
    {
        for (var parent = System.IO.Path.GetDirectoryName(fullPath); parent is { Length: > 0 }; parent = System.IO.Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"'{parent}' is a file, not a directory";
            }

            if (Directory.Exists(parent))
            {
                break;
            }
        }

        if (!File.Exists(fullPath) || new FileInfo(fullPath).Length == 0)
        {
            return null;
        }

        try
        {
            Span<byte> header = stackalloc byte[16];
            using var file = File.OpenRead(fullPath);
            return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual("SQLite format 3\0"u8)
                ? null
                : "the file is not a SQLite database";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private async Task CreateAsync()
    {
        try
        {
            if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS replies (
                    key TEXT PRIMARY KEY NOT NULL,
                    text TEXT NOT NULL,
                    prompt_tokens INTEGER NOT NULL,
                    completion_tokens INTEGER NOT NULL,
                    stored_at TEXT NOT NULL
                );
                """;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new LmPermanentException(
                $"The response cache '{Path}' of block '{_blockName}' cannot be opened ({e.Message}). Point lm_cache " +
                "(or --lm-cache) at a writable file, or remove the setting to run without a cache.", e);
        }
    }

    /// <summary>The stored reply for <paramref name="key"/>, or null.</summary>
    public async Task<CachedReply?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text, prompt_tokens, completion_tokens FROM replies WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new CachedReply(reader.GetString(0), new TokenUsage(reader.GetInt64(1), reader.GetInt64(2)));
    }

    /// <summary>Stores <paramref name="reply"/> under <paramref name="key"/> (the latest reply wins).</summary>
    public async Task StoreAsync(string key, CachedReply reply, CancellationToken cancellationToken)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO replies (key, text, prompt_tokens, completion_tokens, stored_at)
            VALUES ($key, $text, $prompt, $completion, $at)
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$text", reply.Text);
        command.Parameters.AddWithValue("$prompt", reply.Usage.PromptTokens);
        command.Parameters.AddWithValue("$completion", reply.Usage.CompletionTokens);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
