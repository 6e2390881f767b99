using System.Collections.Concurrent;
using IdentityContainment.Commands.Support;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Engine.Tests;

/// <summary>
/// The feed every batching cmdlet stands on, driven through the cmdlets' own bridge from a test thread playing the
/// pipeline thread.
/// </summary>
public sealed class BatchFeedTests
{
    private readonly PipelineBridge _bridge = new(_ => { }, ex => throw new Xunit.Sdk.XunitException("A batch failed: " + ex));
    private readonly ConcurrentQueue<IReadOnlyList<string>> _batches = new();

    [Fact]
    public void Items_go_in_full_batches_and_the_rest_in_a_last_one_when_input_ends()
    {
        BatchFeed<string> feed = Feed(new BatchFeedOptions(20, 3));
        for (int i = 0; i < 45; i++)
        {
            feed.Offer($"user{i}@contoso.com");
        }

        Assert.Equal(40, feed.Started);
        feed.Complete();
        _bridge.WaitForAll(CancellationToken.None);

        Assert.Equal(new[] { 5, 20, 20 }, _batches.Select(b => b.Count).OrderBy(n => n));
        Assert.Equal(45, _batches.SelectMany(b => b).Distinct().Count());
        Assert.Equal(45, feed.Finished);
    }

    [Fact]
    public void A_repeat_is_dropped_whatever_its_case_before_anyone_is_asked_about_it()
    {
        var asked = new List<string>();
        BatchFeed<string> feed = Feed(new BatchFeedOptions(20, 3));
        feed.Admit = item =>
        {
            asked.Add(item);
            return item != "declined@contoso.com";
        };

        foreach (string item in new[] { "adele@contoso.com", "ADELE@contoso.com", "declined@contoso.com", "alex@contoso.com", "Declined@Contoso.com" })
        {
            feed.Offer(item);
        }

        feed.Complete();
        _bridge.WaitForAll(CancellationToken.None);

        Assert.Equal(new[] { "adele@contoso.com", "declined@contoso.com", "alex@contoso.com" }, asked);
        Assert.Equal(new[] { "adele@contoso.com", "alex@contoso.com" }, Assert.Single(_batches));
    }

    [Fact]
    public void No_more_batches_run_at_once_than_the_options_allow_and_readers_pause_while_the_feed_waits()
    {
        int running = 0;
        int mostAtOnce = 0;
        var reader = new RecordingReader();
        var allFed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = new BatchFeed<string>(
            new BatchFeedOptions(2, 2),
            item => item,
            async (batch, _) =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref mostAtOnce, now);

                // Held until the feed has had to wait for room, so the wait is certain to happen, and until a second
                // batch runs beside this one (or no more will come), so that two are certain to run at once.
                await reader.Paused.Task.ConfigureAwait(false);
                while (Volatile.Read(ref running) < 2 && !allFed.Task.IsCompleted)
                {
                    await Task.Delay(1).ConfigureAwait(false);
                }

                Interlocked.Decrement(ref running);
                _batches.Enqueue(batch);
            },
            _bridge,
            new[] { reader },
            CancellationToken.None);

        for (int i = 0; i < 12; i++)
        {
            feed.Offer($"u{i}");
        }

        feed.Complete();
        allFed.SetResult();
        _bridge.WaitForAll(CancellationToken.None);

        Assert.Equal(2, mostAtOnce);
        Assert.Equal(6, _batches.Count);
        Assert.Equal(6, reader.Joined);
        Assert.Equal(0, reader.Inside);

        // Flowing at the start, paused while the feed waited for room and resumed after, stopped when input ended.
        Assert.Equal(new[] { true, false, true }, reader.Flowing.Take(3));
        Assert.False(reader.Flowing.Last());
    }

    [Fact]
    public void A_list_read_as_it_goes_is_batched_while_it_is_still_being_read()
    {
        var firstBatchDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = new BatchFeed<string>(
            new BatchFeedOptions(3, 2),
            item => item,
            (batch, _) =>
            {
                _batches.Enqueue(batch);
                firstBatchDone.TrySetResult();
                return Task.CompletedTask;
            },
            _bridge,
            Array.Empty<IGatheringReader>(),
            CancellationToken.None);
        bool batchedBeforeTheEnd = false;

        async IAsyncEnumerable<string> Pages()
        {
            for (int i = 0; i < 30; i++)
            {
                // Every item twice, as a tenant-wide list can name one user in two grants.
                yield return $"u{i % 15}";
                if (i == 5)
                {
                    // The rest of the list is not read until a batch of its first page has run: a feed that waited
                    // for the whole list would never get here.
                    batchedBeforeTheEnd = await Task.WhenAny(firstBatchDone.Task, Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false) == firstBatchDone.Task;
                }
            }
        }

        feed.AddFrom(Pages());
        feed.Complete();
        _bridge.WaitForAll(CancellationToken.None);

        Assert.True(batchedBeforeTheEnd);
        Assert.Equal(15, _batches.SelectMany(b => b).Count());
        Assert.Equal(15, _batches.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void A_list_that_fails_part_way_has_what_was_read_worked_on_and_the_failure_surfaced()
    {
        BatchFeed<string> feed = Feed(new BatchFeedOptions(2, 2));

        async IAsyncEnumerable<string> Failing()
        {
            yield return "a";
            yield return "b";
            yield return "c";
            await Task.Yield();
            throw new HttpRequestException("page 2 could not be read");
        }

        var failure = Assert.Throws<HttpRequestException>(() => feed.AddFrom(Failing()));
        feed.Complete();
        _bridge.WaitForAll(CancellationToken.None);

        Assert.Equal("page 2 could not be read", failure.Message);
        Assert.Equal(new[] { "a", "b", "c" }, _batches.SelectMany(b => b).OrderBy(s => s));
    }

    private BatchFeed<string> Feed(BatchFeedOptions options) =>
        new(options, item => item, (batch, _) =>
        {
            _batches.Enqueue(batch);
            return Task.CompletedTask;
        }, _bridge, Array.Empty<IGatheringReader>(), CancellationToken.None);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private sealed class RecordingReader : IGatheringReader
    {
        private int _inside;

        public List<bool> Flowing { get; } = new();

        public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Joined { get; private set; }

        public int Inside => Volatile.Read(ref _inside);

        public bool InputFlowing
        {
            set
            {
                Flowing.Add(value);
                if (!value)
                {
                    Paused.TrySetResult();
                }
            }
        }

        public IDisposable Join()
        {
            Joined++;
            Interlocked.Increment(ref _inside);
            return new Leave(() => Interlocked.Decrement(ref _inside));
        }

        private sealed class Leave(Action leave) : IDisposable
        {
            public void Dispose() => leave();
        }
    }
}
