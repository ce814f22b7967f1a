return await Centurion.Cli.RunAsync(args, Console.Out);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
