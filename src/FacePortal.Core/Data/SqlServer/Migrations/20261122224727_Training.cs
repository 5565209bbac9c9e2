using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FacePortal.Core.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetrainDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Outcome = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    JobId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetrainDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetrainSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    Cron = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetrainSchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    RequestJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Progress = table.Column<double>(type: "float", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    QueueJobId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    CancelRequested = table.Column<bool>(type: "bit", nullable: false),
                    BestEpoch = table.Column<int>(type: "int", nullable: true),
                    ValidationAccuracy = table.Column<double>(type: "float", nullable: true),
                    ResultJson = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainedModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JobId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Epoch = table.Column<int>(type: "int", nullable: false),
                    ValidationLoss = table.Column<double>(type: "float", nullable: false),
                    ValidationAccuracy = table.Column<double>(type: "float", nullable: false),
                    ClassesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ProbabilityThreshold = table.Column<double>(type: "float", nullable: false),
                    Checkpoint = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainedModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainedModels_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEpochs",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Epoch = table.Column<int>(type: "int", nullable: false),
                    TrainLoss = table.Column<double>(type: "float", nullable: false),
                    TrainAccuracy = table.Column<double>(type: "float", nullable: false),
                    ValidationLoss = table.Column<double>(type: "float", nullable: false),
                    ValidationAccuracy = table.Column<double>(type: "float", nullable: false),
                    LearningRate = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEpochs", x => new { x.JobId, x.Epoch });
                    table.ForeignKey(
                        name: "FK_TrainingEpochs_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetrainDecisions_At",
                table: "RetrainDecisions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_TrainedModels_JobId",
                table: "TrainedModels",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingJobs_CreatedAt",
                table: "TrainingJobs",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetrainDecisions");

            migrationBuilder.DropTable(
                name: "RetrainSchedules");

            migrationBuilder.DropTable(
                name: "TrainedModels");

            migrationBuilder.DropTable(
                name: "TrainingEpochs");

            migrationBuilder.DropTable(
                name: "TrainingJobs");
        }
    }
}
