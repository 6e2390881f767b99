using IdentityContainment.Pipeline;

namespace IdentityContainment.Engine.Tests;

public sealed class UserBatcherTests
{
    [Fact]
    public void Users_are_grouped_into_full_batches_and_a_last_partial_one()
    {
        var batcher = new UserBatcher(batchSize: 20);
        var batches = new List<IReadOnlyList<string>>();
        for (int i = 0; i < 45; i++)
        {
            if (batcher.Add($"user{i}@contoso.com") is { } batch)
            {
                batches.Add(batch);
            }
        }

        batches.Add(batcher.Flush()!);

        Assert.Equal(new[] { 20, 20, 5 }, batches.Select(b => b.Count));
        Assert.Null(batcher.Flush());
    }

    [Fact]
    public void A_user_given_twice_is_handled_once_whatever_the_case()
    {
        var batcher = new UserBatcher(batchSize: 20);
        foreach (string user in new[] { "adele@contoso.com", "ADELE@contoso.com", "alex@contoso.com" })
        {
            if (batcher.Claim(user))
            {
                batcher.Add(user);
            }
        }

        Assert.Equal(new[] { "adele@contoso.com", "alex@contoso.com" }, batcher.Flush());
        Assert.False(batcher.Claim("Alex@Contoso.com"));
    }
}
