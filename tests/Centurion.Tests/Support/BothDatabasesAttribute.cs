using System.Reflection;
using Centurion.Data;
using Xunit.Sdk;

namespace Centurion.Tests.Support;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL; the test takes the provider as its first argument.</summary>
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}
