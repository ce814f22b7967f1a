using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Centurion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportRevisionStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReportRevisions_Status_UnitId",
                table: "ReportRevisions",
                columns: new[] { "Status", "UnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportRevisions_Status_UnitId",
                table: "ReportRevisions");
        }
    }
}
