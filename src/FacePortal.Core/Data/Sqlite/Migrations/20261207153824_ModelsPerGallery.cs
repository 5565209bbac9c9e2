using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FacePortal.Core.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ModelsPerGallery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Models, the schedule and its decisions from before belong to Main (…0001, the gallery everyone was placed in):
            // a model in use stays in use there, and the one schedule becomes Main's.
            migrationBuilder.DropPrimaryKey(
                name: "PK_RetrainSchedules",
                table: "RetrainSchedules");

            migrationBuilder.DropIndex(
                name: "IX_RetrainDecisions_At",
                table: "RetrainDecisions");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "RetrainSchedules");

            migrationBuilder.AddColumn<Guid>(
                name: "GalleryId",
                table: "TrainedModels",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "GalleryId",
                table: "RetrainSchedules",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "GalleryId",
                table: "RetrainDecisions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddPrimaryKey(
                name: "PK_RetrainSchedules",
                table: "RetrainSchedules",
                column: "GalleryId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainedModels_GalleryId_IsActive",
                table: "TrainedModels",
                columns: new[] { "GalleryId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_RetrainDecisions_GalleryId_At",
                table: "RetrainDecisions",
                columns: new[] { "GalleryId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_RetrainDecisions_Galleries_GalleryId",
                table: "RetrainDecisions",
                column: "GalleryId",
                principalTable: "Galleries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RetrainSchedules_Galleries_GalleryId",
                table: "RetrainSchedules",
                column: "GalleryId",
                principalTable: "Galleries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_TrainedModels_Galleries_GalleryId",
                table: "TrainedModels",
                column: "GalleryId",
                principalTable: "Galleries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RetrainDecisions_Galleries_GalleryId",
                table: "RetrainDecisions");

            migrationBuilder.DropForeignKey(
                name: "FK_RetrainSchedules_Galleries_GalleryId",
                table: "RetrainSchedules");

            migrationBuilder.DropForeignKey(
                name: "FK_TrainedModels_Galleries_GalleryId",
                table: "TrainedModels");

            migrationBuilder.DropIndex(
                name: "IX_TrainedModels_GalleryId_IsActive",
                table: "TrainedModels");

            migrationBuilder.DropPrimaryKey(
                name: "PK_RetrainSchedules",
                table: "RetrainSchedules");

            migrationBuilder.DropIndex(
                name: "IX_RetrainDecisions_GalleryId_At",
                table: "RetrainDecisions");

            migrationBuilder.DropColumn(
                name: "GalleryId",
                table: "TrainedModels");

            migrationBuilder.DropColumn(
                name: "GalleryId",
                table: "RetrainSchedules");

            migrationBuilder.DropColumn(
                name: "GalleryId",
                table: "RetrainDecisions");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "RetrainSchedules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_RetrainSchedules",
                table: "RetrainSchedules",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_RetrainDecisions_At",
                table: "RetrainDecisions",
                column: "At");
        }
    }
}
