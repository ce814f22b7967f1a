using System.Diagnostics;
using Centurion.Data;
using Centurion.Tests.Support;

namespace Centurion.Tests.Api;

public class OpenApiLintTests
{
    /// <summary>
    /// The document the running app serves passes Redocly CLI's recommended rules (security declared, every operation named,
    /// summarised and with its 4xx answers), so a generated client gets method names and knows how to authenticate.
    /// scripts/test installs the linter into artifacts/tools.
    /// </summary>
    [Fact]
    public async Task The_OpenAPI_document_passes_the_Redocly_recommended_lint_with_no_error()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Centurion.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var redocly = Path.Combine(root.FullName, "artifacts", "tools", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: scripts/test installs it (npm install @redocly/cli into artifacts/tools).");

        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        var folder = Path.Combine(root.FullName, "artifacts", "openapi");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "v1.json");
        await File.WriteAllTextAsync(file, document);

        var lint = Process.Start(new ProcessStartInfo(redocly, ["lint", "--extends", "recommended", "--format", "stylish", file])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        })!;
        var output = lint.StandardOutput.ReadToEndAsync();
        var errors = lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();
        var said = await output + await errors;

        Assert.True(lint.ExitCode == 0, $"redocly lint exited {lint.ExitCode}:\n{said}");
        Assert.DoesNotContain(" error ", said);
    }
}
