using Dgt.FakeOllama;

return await new FakeOllamaCommand().RunAsync(args);
