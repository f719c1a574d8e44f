/** 40 OCI commercial (oc1) regions other than the source region (us-phoenix-1). */
export const TARGET_REGIONS = [
  'us-ashburn-1', 'us-sanjose-1', 'us-chicago-1', 'ca-toronto-1', 'ca-montreal-1', 'sa-saopaulo-1', 'sa-vinhedo-1', 'sa-santiago-1',
  'sa-bogota-1', 'sa-valparaiso-1', 'mx-queretaro-1', 'mx-monterrey-1', 'uk-london-1', 'uk-cardiff-1', 'eu-frankfurt-1', 'eu-amsterdam-1',
  'eu-zurich-1', 'eu-madrid-1', 'eu-marseille-1', 'eu-milan-1', 'eu-paris-1', 'eu-stockholm-1', 'us-saltlake-2', 'me-jeddah-1',
  'me-dubai-1', 'me-abudhabi-1', 'me-riyadh-1', 'il-jerusalem-1', 'af-johannesburg-1', 'ap-mumbai-1', 'ap-hyderabad-1', 'ap-singapore-1',
  'ap-singapore-2', 'ap-tokyo-1', 'ap-osaka-1', 'ap-seoul-1', 'ap-chuncheon-1', 'ap-sydney-1', 'ap-melbourne-1', 'ap-batam-1',
];

export const SOURCE_REGION = 'us-phoenix-1';
