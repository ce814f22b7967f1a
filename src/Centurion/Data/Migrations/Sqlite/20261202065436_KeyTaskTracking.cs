using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Centurion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyTaskTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CampaignTasks_ResponsibleUnitId",
                table: "CampaignTasks");

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "CampaignTasks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Returns",
                table: "CampaignTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedUtc",
                table: "CampaignTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CampaignTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CampaignTaskChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTaskChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTaskChanges_CampaignTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "CampaignTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_ResponsibleUnitId_State",
                table: "CampaignTasks",
                columns: new[] { "ResponsibleUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTaskChanges_TaskId",
                table: "CampaignTaskChanges",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignTaskChanges");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTasks_ResponsibleUnitId_State",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "Returns",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "VerifiedUtc",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CampaignTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_ResponsibleUnitId",
                table: "CampaignTasks",
                column: "ResponsibleUnitId");
        }
    }
}
