using System.Text;

namespace Dgt.Generators.Tests.Infrastructure;

/// <summary>
/// Approval files in Verify's convention: <c>Snapshots/&lt;Name&gt;.verified.cs</c> beside the tests. A mismatch writes
/// <c>&lt;Name&gt;.received.cs</c> and fails with a line diff; <c>DGT_ACCEPT_SNAPSHOTS=1</c> accepts the new output.
/// </summary>
internal static class Snapshot
{
    private static string Directory_ => Path.Combine(Repository.TestsDirectory, "Snapshots");

    private static bool Accepting => Environment.GetEnvironmentVariable("DGT_ACCEPT_SNAPSHOTS") == "1";

    /// <summary>Checks every generated file of a run, and that no snapshot of the run has gone stale.</summary>
    public static void VerifyAll(string name, IReadOnlyList<(string HintName, string Source)> sources)
    {
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, source) in sources)
        {
            var snapshotName = name + "#" + Path.GetFileNameWithoutExtension(hintName);
            expectedFiles.Add(snapshotName + ".verified.cs");
            if (Check(snapshotName, source) is { } failure)
            {
                failures.Add(failure);
            }
        }

        foreach (var stale in Directory.GetFiles(Directory_, name + "#*.verified.cs").Select(Path.GetFileName))
        {
            if (!expectedFiles.Contains(stale!))
            {
                if (Accepting)
                {
                    File.Delete(Path.Combine(Directory_, stale!));
                }
                else
                {
                    failures.Add($"{stale} is no longer generated; delete it (or run with DGT_ACCEPT_SNAPSHOTS=1).");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string? Check(string name, string actual)
    {
        System.IO.Directory.CreateDirectory(Directory_);
        var verifiedPath = Path.Combine(Directory_, name + ".verified.cs");
        var receivedPath = Path.Combine(Directory_, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Accepting)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return null;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, actual);
            return $"{name}: no verified snapshot yet. Review {receivedPath}, then accept it with DGT_ACCEPT_SNAPSHOTS=1.";
        }

        var verified = File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, actual);
        return $"{name}: the generated code differs from the snapshot (- verified, + received; accept with DGT_ACCEPT_SNAPSHOTS=1):\n" +
               LineDiff(verified, actual);
    }

    /// <summary>A diff of changed lines with two lines of context, from the longest common subsequence of lines.</summary>
    public static string LineDiff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', y + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var text = new StringBuilder();
        for (var k = 0; k < lines.Count; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - 2), Math.Min(lines.Count, k + 3) - Math.Max(0, k - 2)).Any(n => lines[n].Mark != ' ');
            if (near)
            {
                text.Append(lines[k].Mark).Append(' ').Append(lines[k].Line.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(" | ").AppendLine(lines[k].Text);
            }
        }

        return text.ToString();
    }
}
