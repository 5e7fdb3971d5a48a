// The tests stop and start the shared RabbitMQ and share one platform: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
