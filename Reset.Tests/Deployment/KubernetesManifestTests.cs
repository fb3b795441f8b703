using System.Globalization;
using Reset.Api.Cli;
using Reset.Api.Hosting;
using Reset.Infrastructure.Hashing;
using YamlDotNet.RepresentationModel;

namespace Reset.Tests.Deployment;

/// <summary>
/// deploy/k8s stays in step with the image and with the settings the service reads. No cluster
/// runs here, so the manifests are never applied: these checks are all they get.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly KubernetesManifests K8s = KubernetesManifests.Read();
    private static readonly Dockerfile Image = Dockerfile.Read();

    /// <summary>Measured with the published service on this machine (deployment.yaml says how).</summary>
    private const int MeasuredIdleMiB = 158;
    private const int MeasuredPeakMiB = 278;

    public static TheoryData<string> Containers => ["reset-service", "migrate"];

    [Fact]
    public void Every_file_is_a_Kubernetes_object_of_a_served_API_version_and_kustomize_lists_them_all()
    {
        var served = new Dictionary<string, string>
        {
            ["Deployment"] = "apps/v1",
            ["Service"] = "v1",
            ["ConfigMap"] = "v1",
            ["HorizontalPodAutoscaler"] = "autoscaling/v2",
            ["PodDisruptionBudget"] = "policy/v1",
            ["Kustomization"] = "kustomize.config.k8s.io/v1beta1",
        };
        foreach (var (file, document) in K8s.Documents)
        {
            served.ShouldContainKey(document.Text("kind"), file);
            document.Text("apiVersion").ShouldBe(served[document.Text("kind")], file);
        }

        K8s.Documents.Select(entry => entry.Document.Text("kind")).ShouldBe(served.Keys, ignoreOrder: true);
        var listed = K8s.Single("Kustomization").Child("resources").Strings();
        listed.ShouldBe(K8s.Documents.Select(entry => entry.File).Where(file => file != "kustomization.yaml"), ignoreOrder: true);
    }

    [Fact]
    public void No_Secret_with_values_is_committed()
    {
        K8s.Documents.ShouldNotContain(entry => entry.Document.Text("kind") == "Secret");
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Containers_run_the_image_the_Dockerfile_builds(string name)
    {
        var container = K8s.ContainerNamed(name);
        container.Text("image").ShouldBe(Image.ImageName);
        K8s.Single("Kustomization").Seq("images").Children.Cast<YamlMappingNode>().Single().Text("name").ShouldBe(Image.ImageName);
    }

    [Fact]
    public void The_container_port_is_the_one_the_image_listens_on_and_the_Service_uses_it_while_the_scraper_uses_the_management_port()
    {
        var port = ContainerPort("http");
        port.Number("containerPort").ShouldBe(Image.ExposedPort);
        Image.UrlsPort.ShouldBe(Image.ExposedPort);
        K8s.Single("Service").Map("spec").Seq("ports").Children.Cast<YamlMappingNode>().Single().Text("targetPort").ShouldBe(port.Text("name"));
        var metrics = ContainerPort("metrics");
        // The ConfigMap sets none, so the service listens for the scraper on its default management port.
        metrics.Number("containerPort").ShouldBe(MetricsOptions.DefaultPort);
        K8s.ConfigMapData.Keys.ShouldNotContain("Metrics__Port");
        var annotations = K8s.Deployment.Map("spec").Map("template").Map("metadata").Child("annotations").Pairs();
        annotations["prometheus.io/port"].ShouldBe(metrics.Text("containerPort"));
        annotations["prometheus.io/path"].ShouldBe(Observability.MetricsPath);
    }

    private static YamlMappingNode ContainerPort(string name) =>
        K8s.Container.Seq("ports").Children.Cast<YamlMappingNode>().Single(port => port.Text("name") == name);

    [Fact]
    public void Probes_ask_the_liveness_and_readiness_endpoints_on_the_service_port()
    {
        var portName = ContainerPort("http").Text("name");
        var livePath = new Uri(Image.HealthCheck[^1]).AbsolutePath;
        foreach (var (probe, path) in new[] { ("startupProbe", livePath), ("livenessProbe", livePath), ("readinessProbe", ProbeEndpointTests.ReadyPath) })
        {
            var httpGet = K8s.Container.Map(probe).Map("httpGet");
            httpGet.Text("path").ShouldBe(path, probe);
            httpGet.Text("port").ShouldBe(portName, probe);
        }
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Containers_run_as_the_images_non_root_user_on_a_read_only_file_system(string name)
    {
        var container = K8s.ContainerNamed(name);
        var pod = K8s.PodSpec.Map("securityContext");
        pod.Text("runAsNonRoot").ShouldBe("true");
        pod.Number("runAsUser").ShouldBe(Image.UserId);
        var own = container.Map("securityContext");
        own.Text("readOnlyRootFilesystem").ShouldBe("true");
        own.Text("allowPrivilegeEscalation").ShouldBe("false");
        own.Map("capabilities").Child("drop").Strings().ShouldBe(["ALL"]);
        container.Seq("volumeMounts").Children.Cast<YamlMappingNode>().Select(mount => mount.Text("mountPath")).ShouldContain("/tmp");
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Every_variable_is_a_setting_the_service_reads(string name)
    {
        var container = K8s.ContainerNamed(name);
        K8s.ConfigMapData.Keys.Where(key => !ServiceSettings.Reads(key)).ShouldBeEmpty("the ConfigMap sets variables the service never reads");
        KubernetesManifests.EnvOf(container).Keys.Where(key => !ServiceSettings.Reads(key)).ShouldBeEmpty("the container sets variables the service never reads");
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Secrets_come_only_from_the_Secret_and_the_rest_from_the_ConfigMap(string name)
    {
        var container = K8s.ContainerNamed(name);
        K8s.ConfigMapData.Keys.Where(ServiceSettings.IsSecret).ShouldBeEmpty("secrets in the ConfigMap");
        foreach (var (variable, entry) in KubernetesManifests.EnvOf(container))
        {
            ServiceSettings.IsSecret(variable).ShouldBeTrue($"{variable} is no secret: put it in the ConfigMap");
            var reference = entry.Map("valueFrom").Map("secretKeyRef");
            reference.Text("name").ShouldBe(KubernetesManifests.SecretName);
            reference.Text("key").ShouldBe(variable);
        }

        var configMapRef = container.Seq("envFrom").Children.Cast<YamlMappingNode>().Single().Map("configMapRef");
        configMapRef.Text("name").ShouldBe(K8s.Single("ConfigMap").Map("metadata").Text("name"));
    }

    [Fact]
    public void The_migration_gets_the_same_settings_and_image_as_the_service()
    {
        K8s.InitContainer.Child("args").Strings().ShouldBe([MigrateCommand.Name]);
        K8s.InitContainer.Text("image").ShouldBe(K8s.Container.Text("image"));
        K8s.InitContainer.Child("env").ToString().ShouldBe(K8s.Container.Child("env").ToString());
        K8s.InitContainer.Child("envFrom").ToString().ShouldBe(K8s.Container.Child("envFrom").ToString());
    }

    [Fact]
    public async Task The_service_would_start_in_Production_with_these_settings()
    {
        var problems = await ServiceSettings.ProblemsInProductionAsync(K8s.EnvironmentOf(K8s.Container));

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Kubernetes_waits_longer_than_the_pause_and_the_shutdown_timeout_before_it_kills_the_pod()
    {
        var shutdown = K8s.ConfigMapData.TryGetValue("Host__ShutdownTimeout", out var text)
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : new ShutdownOptions().ShutdownTimeout;
        var pause = K8s.Container.Map("lifecycle").Map("preStop").Map("exec").Child("command").Strings().ToList();
        pause[0].ShouldBe("sleep");

        var grace = TimeSpan.FromSeconds(K8s.PodSpec.Number("terminationGracePeriodSeconds"));

        grace.ShouldBeGreaterThan(shutdown + TimeSpan.FromSeconds(int.Parse(pause[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Resources_leave_room_for_the_measured_footprint_and_every_concurrent_hash()
    {
        var hashing = new PasswordHashingOptions();
        var concurrency = int.Parse(K8s.ConfigMapData["PasswordHashing__MaxConcurrency"], CultureInfo.InvariantCulture);
        var memoryKiB = K8s.ConfigMapData.TryGetValue("PasswordHashing__MemoryKiB", out var kib) ? int.Parse(kib, CultureInfo.InvariantCulture) : hashing.MemoryKiB;
        var budgetMiB = K8s.ConfigMapData.TryGetValue("PasswordHashing__MaxMemoryMiB", out var mib) ? int.Parse(mib, CultureInfo.InvariantCulture) : hashing.MaxMemoryMiB;
        var importedKiB = K8s.ConfigMapData.TryGetValue("PasswordHashing__MaxImportedMemoryKiB", out var imported) ? int.Parse(imported, CultureInfo.InvariantCulture) : hashing.MaxImportedMemoryKiB;
        // What hashes at once can hold: the memory budget, or less where the threads cannot fill it.
        var hashingMiB = Math.Min(budgetMiB, concurrency * Math.Max(memoryKiB, importedKiB) / 1024);
        var resources = K8s.Container.Map("resources");

        MiB(resources.Map("requests").Text("memory")).ShouldBeGreaterThanOrEqualTo(MeasuredIdleMiB + hashingMiB);
        MiB(resources.Map("limits").Text("memory")).ShouldBeGreaterThanOrEqualTo(MeasuredPeakMiB);
        // Each concurrent hash keeps a core busy: a lower CPU limit would only queue them.
        Cores(resources.Map("limits").Text("cpu")).ShouldBeGreaterThanOrEqualTo(concurrency);
        foreach (var container in new[] { K8s.Container, K8s.InitContainer })
        {
            var own = container.Map("resources");
            MiB(own.Map("limits").Text("memory")).ShouldBeGreaterThanOrEqualTo(MiB(own.Map("requests").Text("memory")));
            Cores(own.Map("limits").Text("cpu")).ShouldBeGreaterThanOrEqualTo(Cores(own.Map("requests").Text("cpu")));
        }
    }

    [Fact]
    public void The_Service_autoscaler_and_disruption_budget_select_the_Deployments_pods()
    {
        var deployment = K8s.Deployment;
        var selector = deployment.Map("spec").Map("selector").Child("matchLabels").Pairs();
        selector.ShouldBeSubsetOf(K8s.PodLabels);
        K8s.Single("Service").Map("spec").Child("selector").Pairs().ShouldBe(selector);
        K8s.Single("PodDisruptionBudget").Map("spec").Map("selector").Child("matchLabels").Pairs().ShouldBe(selector);

        var target = K8s.Single("HorizontalPodAutoscaler").Map("spec").Map("scaleTargetRef");
        target.Text("kind").ShouldBe("Deployment");
        target.Text("apiVersion").ShouldBe(deployment.Text("apiVersion"));
        target.Text("name").ShouldBe(deployment.Map("metadata").Text("name"));
    }

    [Fact]
    public void Several_instances_run_and_a_drain_leaves_most_of_them()
    {
        var hpa = K8s.Single("HorizontalPodAutoscaler").Map("spec");
        var minimum = hpa.Number("minReplicas");
        minimum.ShouldBeGreaterThanOrEqualTo(2);
        hpa.Number("maxReplicas").ShouldBeGreaterThan(minimum);
        K8s.Deployment.Map("spec").Number("replicas").ShouldBe(minimum);
        K8s.Single("PodDisruptionBudget").Map("spec").Number("maxUnavailable").ShouldBeLessThan(minimum);
    }

    private static int MiB(string quantity) => quantity.EndsWith("Gi", StringComparison.Ordinal)
        ? int.Parse(quantity[..^2], CultureInfo.InvariantCulture) * 1024
        : quantity.EndsWith("Mi", StringComparison.Ordinal) ? int.Parse(quantity[..^2], CultureInfo.InvariantCulture)
        : throw new FormatException($"Write memory as Mi or Gi: {quantity}");

    private static double Cores(string quantity) => quantity.EndsWith('m')
        ? double.Parse(quantity[..^1], CultureInfo.InvariantCulture) / 1000
        : double.Parse(quantity, CultureInfo.InvariantCulture);
}
