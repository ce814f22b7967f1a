using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Centurion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CampaignEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponsibleName",
                table: "CampaignTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleTitle",
                table: "CampaignTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ResponsibleUnitId",
                table: "CampaignTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleUserId",
                table: "CampaignTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_ResponsibleUnitId",
                table: "CampaignTasks",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_ResponsibleUserId",
                table: "CampaignTasks",
                column: "ResponsibleUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_CampaignTasks_AspNetUsers_ResponsibleUserId",
                table: "CampaignTasks",
                column: "ResponsibleUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CampaignTasks_Units_ResponsibleUnitId",
                table: "CampaignTasks",
                column: "ResponsibleUnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CampaignTasks_AspNetUsers_ResponsibleUserId",
                table: "CampaignTasks");

            migrationBuilder.DropForeignKey(
                name: "FK_CampaignTasks_Units_ResponsibleUnitId",
                table: "CampaignTasks");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTasks_ResponsibleUnitId",
                table: "CampaignTasks");

            migrationBuilder.DropIndex(
                name: "IX_CampaignTasks_ResponsibleUserId",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "ResponsibleName",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "ResponsibleTitle",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "ResponsibleUnitId",
                table: "CampaignTasks");

            migrationBuilder.DropColumn(
                name: "ResponsibleUserId",
                table: "CampaignTasks");
        }
    }
}
