namespace App;

[Dgt.DataBuilder("qa")]
public sealed partial class QaBuilder
{
    [Dgt.Block] private Dgt.LMProvider generator = null!;

    private Task<IReadOnlyList<QaRow>> GenerateAsync(Dgt.GenerationBatch<QaRow> batch, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QaRow>>([]);
}
