select id, n * 2 as doubled
from ${ref('slow')}
