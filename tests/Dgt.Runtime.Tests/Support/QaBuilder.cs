namespace Dgt.Runtime.Tests.Support;

/// <summary>A builder in the shape the generator produces: one prompt per input row, "Q|A" replies (a row per line).</summary>
public sealed class QaBuilder : GenerationDataBuilder<QaRow>, IBlockHost
{
    private LMProvider _generator = null!;

    public IReadOnlyList<BlockSlot> BlockSlots { get; } = [new("generator", "generator", "Dgt.LMProvider", "global::Dgt.LMProvider", static b => b is LMProvider)];

    public void BindBlocks(IBlockResolver blocks) => _generator = (LMProvider)blocks.Resolve("generator");

    protected override async Task<IReadOnlyList<QaRow>> GenerateAsync(GenerationBatch<QaRow> batch, CancellationToken cancellationToken)
    {
        var replies = await _generator.RunAsync(batch.Inputs.Select(row => LmRequest.Completion("Q: " + row.Question, row.TaskName)), cancellationToken);
        var rows = new List<QaRow>();
        foreach (var (reply, line) in replies.Where(r => r.Succeeded).SelectMany(r => r.Text.Split('\n').Select(line => (r, line))))
        {
            var parts = line.Split('|');
            if (parts.Length != 2)
            {
                Count("malformed_replies");
                continue;
            }

            rows.Add(new QaRow { TaskName = reply.Reference, Question = parts[0], Answer = parts[1] });
        }

        return rows;
    }
}
