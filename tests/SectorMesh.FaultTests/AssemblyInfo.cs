// The scenarios stop the suite's own servers and share one platform: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
