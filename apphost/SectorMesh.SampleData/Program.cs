using SectorMesh.SampleData;

// Usage: SectorMesh.SampleData [grpc-url] [json-url]; the AppHost passes them as Gateway__Url and Gateway__JsonUrl.
var grpcUrl = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("Gateway__Url") ?? "http://127.0.0.1:8081";
var jsonUrl = args.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable("Gateway__JsonUrl") ?? "http://127.0.0.1:8080";

var client = SampleClient.Connect(new Uri(grpcUrl), new Uri(jsonUrl));
await new StatewideSample(client).LoadAsync();
