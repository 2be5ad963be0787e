using Dgt.Runtime.Run;

namespace Dgt.Runtime.Tests.Generation;

public sealed class SeedCursorTests
{
    [Fact]
    public void Batches_wrap_around_in_file_order_without_a_short_batch()
    {
        var cursor = new SeedCursor(5);

        Assert.Equal([0, 1, 2], cursor.Take(3));
        Assert.Equal([3, 4, 0], cursor.Take(3));
        Assert.Equal([1, 2, 3], cursor.Take(3));
    }

    [Fact]
    public void A_batch_never_holds_a_seed_twice()
    {
        var cursor = new SeedCursor(4, position: 2);

        var batch = cursor.Take(10);

        Assert.Equal([2, 3, 0, 1], batch);
        Assert.Equal(2, cursor.Position);
    }

    [Fact]
    public void No_seeds_give_empty_batches()
    {
        Assert.Empty(new SeedCursor(0).Take(5));
    }
}
